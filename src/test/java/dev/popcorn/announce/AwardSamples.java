package dev.popcorn.announce;

import dev.popcorn.app.award.AwardFacts;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.CandidateStatus;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.team.Member;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Award facts as the app gathers them, for the writers' tests. */
final class AwardSamples {

    private AwardSamples() {
    }

    static AwardFacts camera(String... memberNames) {
        return cameraWithPhotos("", memberNames);
    }

    /** With {@code photos} non-empty, member n's photo is {@code photos + n + ".png"}. */
    static AwardFacts cameraWithPhotos(String photos, String... memberNames) {
        List<Candidate> candidates = List.of(
                new Candidate(1, 9, "camera", "夜景模式 Night mode", List.of("MIUI-2101"), "Photos after dark",
                        CandidateStatus.ACTIVE, ""),
                new Candidate(2, 9, "battery", "Quiet charging", List.of("MIUI-2102"), "", CandidateStatus.ACTIVE, ""));
        PollResult result = PollResult.of(candidates, Map.of(1L, 128L, 2L, 97L));
        List<Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < memberNames.length; i++) {
            members.add(new Member(memberNames[i], photos.isEmpty() ? "" : photos + i + ".png"));
        }
        return new AwardFacts(9, "2026.11.20", LocalDate.of(2026, 11, 20),
                List.of(new AwardFacts.Winner("camera", "相机团队 Camera", "夜景模式 Night mode", "Photos after dark", 128,
                        128 / 225.0, members)),
                result, Map.of("camera", "相机团队 Camera", "battery", "电池 Battery"),
                "https://popcorn.example.com/polls/9", "https://popcorn.example.com/polls/9/card.png");
    }
}
