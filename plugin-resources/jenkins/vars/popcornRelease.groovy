// Opens the week's release round when the release build succeeds; see popcornRelease.txt.

def call(Map args = [:]) {
    String version = (args.version ?: '').toString().trim()
    if (!version) {
        error('popcornRelease: version is required, e.g. popcornRelease(version: params.RELEASE_VERSION)')
    }
    Map body = [version: version]
    if (args.jql) {
        // A query of the pipeline's own could read any ticket Popcorn's Jira account sees: the server holds the query.
        error('popcornRelease: jql is not taken from a pipeline; set jira.release-jql on the Popcorn server'
                + ' (it takes {version}) and call popcornRelease(version: …, changelog: false), or pass keys')
    }
    if (args.keys) {
        body.keys = args.keys.collect { it.toString() }
    } else if (args.changelog != false) {
        List messages = commitMessages(currentBuild)
        if (messages) {
            body.changelog = messages
        }
    }
    if (env.JOB_NAME && env.BUILD_NUMBER) {
        body.build = [job: env.JOB_NAME, number: env.BUILD_NUMBER as Integer, url: env.BUILD_URL ?: '']
    }
    if (args.tests != null) {
        body.tests = popcornTestSummary.counts(args.tests)
    }
    if (args.dryRun) {
        body.dryRun = true
    }
    def answer = popcornApi(method: 'POST', path: '/api/v1/releases', body: body, server: args.server,
            credentialsId: args.credentialsId)
    def release = answer.dryRun ? answer.preview : answer.release
    List keys = release.features.collect { it.key }
    String ignored = answer.ignoredKeys ? "; mentioned but no tickets: ${answer.ignoredKeys.join(', ')}" : ''
    if (answer.dryRun) {
        echo "Popcorn: dry run: would open release ${release.version} with ${keys.size()} ${keys.size() == 1 ? 'feature' : 'features'} (${keys.join(', ')})${ignored}"
    } else if (answer.created) {
        echo "Popcorn: opened release ${release.version} with ${keys.size()} ${keys.size() == 1 ? 'feature' : 'features'} (${keys.join(', ')}); award poll ${answer.poll?.id} is a draft${ignored}"
    } else {
        echo "Popcorn: release ${release.version} was opened by this build already; nothing changed"
    }
    return [id: release.id, version: release.version, poll: answer.poll?.id, features: keys, created: answer.created,
            ignoredKeys: answer.ignoredKeys]
}

/** The full messages of the build's commits, oldest change set first. */
@NonCPS
private static List commitMessages(build) {
    List messages = []
    for (changeSet in build.changeSets) {
        for (entry in changeSet.items) {
            String message = entry.comment ?: entry.msg
            if (message) {
                messages << message.toString()
            }
        }
    }
    return messages
}
