// Stand-ins for the Jenkins steps and directives the shared library and its example Jenkinsfiles
// use, so they run on plain Groovy (the version Jenkins runs pipelines with) against a real
// Popcorn. httpRequest really sends the request; its arguments are checked against the HTTP
// Request plugin's parameters, so a misspelt one fails as it would in Jenkins.
//
// The binding brings: env (a Map), params (a Map), credentials (credential id -> secret text),
// currentBuild, log (a List of echoed lines), http (a List of the requests sent) and tests (what
// junit returns). The error step throws an AbortException, as Jenkins' does.

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

def HTTP_REQUEST_PARAMETERS = ['url', 'httpMode', 'contentType', 'acceptType', 'customHeaders', 'requestBody',
        'validResponseCodes', 'validResponseContent', 'consoleLogResponseBody', 'quiet', 'timeout', 'ignoreSslErrors',
        'authentication', 'httpProxy', 'proxyAuthentication', 'outputFile', 'responseHandle', 'uploadFile',
        'multipartName', 'wrapAsMultipart', 'useSystemProperties', 'useNtlm', 'formData']
def MIME_TYPES = [NOT_SET: null, APPLICATION_JSON: 'application/json', APPLICATION_JSON_UTF8: 'application/json; charset=UTF-8',
        TEXT_PLAIN: 'text/plain', APPLICATION_FORM: 'application/x-www-form-urlencoded']
class AbortException extends RuntimeException {
    AbortException(String message) { super(message) }
}

def abort = { String message -> new AbortException(message) }
def client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()

echo = { Object message -> log << message.toString() }
error = { String message -> throw abort(message) }
sh = { Object script -> log << ('+ ' + (script instanceof Map ? script.script : script)); '' }
junit = { Object pattern -> tests }
string = { Map args -> args }
any = 'any'

withCredentials = { List bindings, Closure body ->
    Map saved = [:]
    bindings.each { Map credential ->
        if (!credentials.containsKey(credential.credentialsId)) {
            throw abort("Could not find credentials entry with ID '${credential.credentialsId}'")
        }
        saved[credential.variable] = env[credential.variable]
        env[credential.variable] = credentials[credential.credentialsId]
    }
    try {
        return body.call()
    } finally {
        saved.each { k, v -> if (v == null) { env.remove(k) } else { env[k] = v } }
    }
}

httpRequest = { Map args ->
    def unknown = args.keySet() - HTTP_REQUEST_PARAMETERS
    if (unknown) {
        throw new IllegalArgumentException("httpRequest has no parameter ${unknown}")
    }
    if (!MIME_TYPES.containsKey(args.contentType ?: 'NOT_SET') || !MIME_TYPES.containsKey(args.acceptType ?: 'NOT_SET')) {
        throw new IllegalArgumentException("httpRequest has no MIME type ${args.contentType} / ${args.acceptType}")
    }
    String method = args.httpMode ?: 'GET'
    def request = HttpRequest.newBuilder(URI.create(args.url)).timeout(Duration.ofSeconds(30))
    String body = args.requestBody
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
    if (args.contentType && MIME_TYPES[args.contentType]) {
        request.header('Content-Type', MIME_TYPES[args.contentType])
    }
    if (args.acceptType && MIME_TYPES[args.acceptType]) {
        request.header('Accept', MIME_TYPES[args.acceptType])
    }
    (args.customHeaders ?: []).each { Map header -> request.header(header.name, header.value) }
    def response = client.send(request.build(), HttpResponse.BodyHandlers.ofString())
    http << [method: method, url: args.url, headers: (args.customHeaders ?: []).collect { it.name }, body: body,
             status: response.statusCode(), contentType: response.headers().firstValue('Content-Type').orElse(''),
             content: response.body()]
    def (low, high) = (args.validResponseCodes ?: '100:399').split(':').collect { it as int }
    if (response.statusCode() < low || response.statusCode() > high) {
        throw abort("Fail: Status code ${response.statusCode()} is not in the accepted range: ${args.validResponseCodes}")
    }
    [status: response.statusCode(), content: response.body()]
}

// Declarative Pipeline: the directives the examples use, run in Jenkins' order.
class Declarative {
    Closure environment, stages, post
    def agent(Object where) {}
    def options(Closure c) {}
    def parameters(Closure c) {}
    def environment(Closure c) { environment = c }
    def stages(Closure c) { stages = c }
    def post(Closure c) { post = c }
}

class EnvironmentDirective {
    Map env
    def propertyMissing(String name, Object value) { env[name] = value.toString() }
}

class Stages {
    Binding binding
    def stage(String name, Closure body) {
        binding.getVariable('log') << "[stage] ${name}".toString()
        body.resolveStrategy = Closure.DELEGATE_FIRST
        body.delegate = this
        body.call()
    }
    def steps(Closure body) { body.call() }
    def script(Closure body) { body.call() }
}

class Post {
    String result
    def always(Closure body) { body.call() }
    def success(Closure body) { if (result == 'SUCCESS') body.call() }
    def failure(Closure body) { if (result == 'FAILURE') body.call() }
}

script = { Closure body -> body.call() }
node = { Object... args -> ((Closure) args[-1]).call() }
stage = { String name, Closure body -> log << "[stage] ${name}".toString(); body.call() }

pipeline = { Closure body ->
    def declared = new Declarative()
    body.resolveStrategy = Closure.DELEGATE_FIRST
    body.delegate = declared
    body.call()
    if (declared.environment) {
        declared.environment.resolveStrategy = Closure.DELEGATE_FIRST
        declared.environment.delegate = new EnvironmentDirective(env: env)
        declared.environment.call()
    }
    String result = 'SUCCESS'
    Throwable failure = null
    try {
        new Stages(binding: binding).with { runner ->
            declared.stages.resolveStrategy = Closure.DELEGATE_FIRST
            declared.stages.delegate = runner
            declared.stages.call()
        }
    } catch (RuntimeException e) {
        result = 'FAILURE'
        failure = e
    }
    currentBuild.result = result
    if (declared.post) {
        declared.post.resolveStrategy = Closure.DELEGATE_FIRST
        declared.post.delegate = new Post(result: result)
        declared.post.call()
    }
    if (failure != null) {
        throw failure
    }
}

/** Loads the library's vars: each is called by its name, and its other methods by name.method(). */
loadLibrary = { File vars, GroovyShell shell ->
    vars.listFiles().findAll { it.name.endsWith('.groovy') }.sort { it.name }.each { File file ->
        Script step = shell.parse(file)
        step.binding = binding
        Closure call = { Object[] args -> step.invokeMethod('call', args) }
        call.resolveStrategy = Closure.DELEGATE_FIRST
        call.delegate = step
        binding.setVariable(file.name - '.groovy', call)
    }
}
