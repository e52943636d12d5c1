// Calls Popcorn's REST API for the other popcorn* steps; see popcornApi.txt.
// Written for the Groovy Jenkins runs pipelines with (2.4) and for CPS: no closures over
// non-serializable values outside @NonCPS methods.

def call(Map args) {
    String server = (args.server ?: env.POPCORN_URL ?: '').toString().replaceAll('/+$', '')
    if (!server) {
        error('popcorn: no server; set POPCORN_URL in the environment or pass server: to the step')
    }
    String credentialsId = (args.credentialsId ?: env.POPCORN_CREDENTIALS_ID ?: 'popcorn-ci-token').toString()
    Map request = [
        url: server + args.path,
        httpMode: args.method ?: 'GET',
        acceptType: 'APPLICATION_JSON',
        validResponseCodes: '100:599',
        consoleLogResponseBody: false,
        quiet: true,
    ]
    if (args.body != null) {
        request.contentType = 'APPLICATION_JSON_UTF8'
        request.requestBody = groovy.json.JsonOutput.toJson(args.body)
    }
    def response
    withCredentials([string(credentialsId: credentialsId, variable: 'POPCORN_TOKEN')]) {
        request.customHeaders = [[name: 'Authorization', value: 'Bearer ' + env.POPCORN_TOKEN, maskValue: true]]
        response = httpRequest(request)
    }
    def answer = parse(response.content)
    if (response.status >= 400) {
        String detail = answer instanceof Map && answer.detail ? answer.detail : 'HTTP ' + response.status
        error("popcorn: ${detail} (HTTP ${response.status})")
    }
    return answer
}

/** The release with this version, or an error naming it. */
def release(Map args) {
    def found = call(args + [method: 'GET', path: '/api/v1/releases?version=' + URLEncoder.encode(args.version.toString(), 'UTF-8')])
    if (!found) {
        error("popcorn: there is no release ${args.version}; open it first with popcornRelease")
    }
    return found[0]
}

@NonCPS
private static Object parse(String text) {
    return text ? new groovy.json.JsonSlurperClassic().parseText(text) : null
}
