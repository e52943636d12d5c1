// Proposes a team's project for the week's Popcorn Award; see popcornCandidate.txt.

def call(Map args) {
    for (String name : ['version', 'team', 'title']) {
        if (!args[name]) {
            error("popcornCandidate: ${name} is required")
        }
    }
    Map api = [server: args.server, credentialsId: args.credentialsId]
    def release = popcornApi.release(api + [version: args.version])
    if (!release.pollId) {
        error("popcorn: the release ${args.version} has no award poll")
    }
    def poll = popcornApi(api + [method: 'GET', path: "/api/v1/polls/${release.pollId}"])
    Map body = [team: args.team, title: args.title, titleZh: args.titleZh ?: '',
                tickets: (args.tickets ?: []).collect { it.toString() }, pitch: args.pitch ?: '', pitchZh: args.pitchZh ?: '']
    def existing = poll.candidates.find { it.teamSlug == args.team && it.status == 'ACTIVE' }
    def candidate
    if (existing) {
        Map edit = [title: body.title, titleZh: body.titleZh, tickets: body.tickets, pitch: body.pitch, pitchZh: body.pitchZh]
        candidate = popcornApi(api + [method: 'PUT', path: "/api/v1/polls/${poll.id}/candidates/${existing.id}", body: edit])
        echo "Popcorn: ${args.team}'s candidate in ${poll.title} is now \"${args.title}\""
    } else {
        candidate = popcornApi(api + [method: 'POST', path: "/api/v1/polls/${poll.id}/candidates", body: body])
        echo "Popcorn: proposed \"${args.title}\" for ${args.team} in ${poll.title}"
    }
    return [poll: poll.id, candidate: candidate.id]
}
