package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.web.common.Messages;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A grant in a user's history says why in their language, whatever the ledger recorded in English. */
class GrantJsonTest {

    private static Grant grant(ParticipationKind kind, int points, String reason) {
        return new Grant(1, "fan-1", kind, "release:3", points, Instant.parse("2026-11-21T02:00:00Z"), reason, null,
                null, null);
    }

    @Test
    void whyIsInTheCallersLanguageAndSaysWhenTheWeeklyLimitCutIt() {
        Grant report = grant(ParticipationKind.REPORT_HANDED_IN, 10, ParticipationKind.REPORT_HANDED_IN.reason());
        assertThat(ParticipationRoutes.GrantJson.of(report, Messages.ENGLISH).why()).isEqualTo("A report on a release");
        assertThat(ParticipationRoutes.GrantJson.of(report, Messages.CHINESE).why()).isEqualTo("提交了一份版本体验报告");

        Grant capped = grant(ParticipationKind.BALLOT_CAST, 0, "ballot cast, capped at the weekly limit of 50 points");
        assertThat(ParticipationRoutes.GrantJson.of(capped, Messages.ENGLISH).why())
                .isEqualTo("A vote in the Popcorn Award (cut by the weekly limit)");
        assertThat(ParticipationRoutes.GrantJson.of(capped, Messages.CHINESE).why()).isEqualTo("参与了爆米花奖投票（受每周上限限制）");

        Grant awarded = grant(ParticipationKind.AWARDED, 300, "最佳缺陷报告 Best bug report");
        assertThat(ParticipationRoutes.GrantJson.of(awarded, Messages.ENGLISH).why()).as("the lead's own words")
                .isEqualTo("最佳缺陷报告 Best bug report");
    }
}
