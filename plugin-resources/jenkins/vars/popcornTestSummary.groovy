// Attaches the release build's test summary to its release; see popcornTestSummary.txt.

def call(Map args) {
    if (!args.version || args.tests == null) {
        error('popcornTestSummary: version and tests are required')
    }
    Map api = [server: args.server, credentialsId: args.credentialsId]
    def release = popcornApi.release(api + [version: args.version])
    Map tests = counts(args.tests)
    popcornApi(api + [method: 'PUT', path: "/api/v1/releases/${release.id}/tests", body: tests])
    echo "Popcorn: release ${release.version}: ${tests.total} tests, ${tests.failed} failed, ${tests.skipped} skipped"
    return tests
}

/** The counts of what the junit step returns (a TestResultSummary), or of a map with total, failed and skipped. */
@NonCPS
static Map counts(tests) {
    if (tests instanceof Map) {
        return [total: (tests.total ?: 0) as Integer, failed: (tests.failed ?: 0) as Integer,
                skipped: (tests.skipped ?: 0) as Integer]
    }
    return [total: tests.totalCount as Integer, failed: tests.failCount as Integer, skipped: tests.skipCount as Integer]
}
