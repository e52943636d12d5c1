package dev.popcorn.web;

import dev.popcorn.app.participation.Levels;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.app.week.WeekParticipation;
import dev.popcorn.domain.Grant;
import dev.popcorn.domain.Level;
import dev.popcorn.domain.ParticipationKind;
import dev.popcorn.domain.Release;
import dev.popcorn.web.common.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's participation blocks as a page model: the funnel of the current release and the
 * level distribution as bars (widths in percent of the largest), the release's latest reports with
 * their helpful marks, the newest grants to review, and the ladder for the level form.
 */
final class LeadParticipationModel {

    /** Reports listed for review on the dashboard. */
    static final int REPORTS = 20;
    /** Grants listed for review on the dashboard. */
    static final int GRANTS = 15;

    /** One bar: its label, its count, its width in percent of the largest bar, and its share (of the funnel's top) if any. */
    record Bar(String key, String label, long count, long width, Long percent) {
    }

    private final WeekOverview overview;
    private final WeekParticipation week;
    private final Levels levels;

    LeadParticipationModel(WeekOverview overview, WeekParticipation week, Levels levels) {
        this.overview = overview;
        this.week = week;
        this.levels = levels;
    }

    /** Puts the blocks' entries into the dashboard's model. */
    void fill(Map<String, Object> model, Locale locale) {
        Optional<Release> current = overview.currentRelease();
        model.put("participationRelease", current.orElse(null));
        current.ifPresent(release -> {
            model.put("funnel", funnel(week.funnel(release.id()), locale));
            model.put("leadReports", week.reports(release.id(), REPORTS));
        });
        model.put("recentGrants", week.recentGrants(GRANTS).stream().map(g -> grant(g, locale)).toList());
        model.put("levelChoices", levelChoices(levels.ladder(), locale));
        model.put("levelBars", levels(levels.levelCounts(), locale));
    }

    /** The ladder's levels for the level form: id and name in the lead's language. */
    static List<Map<String, String>> levelChoices(dev.popcorn.domain.LevelLadder ladder, Locale locale) {
        List<Map<String, String>> choices = new ArrayList<>();
        for (Level level : ladder.levels()) {
            choices.add(Map.of("id", level.id(), "name", level.name(locale)));
        }
        return choices;
    }

    static List<Bar> funnel(WeekParticipation.Funnel funnel, Locale locale) {
        long scale = funnel.scale();
        List<Bar> bars = new ArrayList<>();
        Map<String, Long> steps = new LinkedHashMap<>();
        steps.put("opened", funnel.opened());
        steps.put("reported", funnel.reported());
        steps.put("voted", funnel.voted());
        steps.forEach((key, n) -> bars.add(new Bar(key, Messages.text(locale, "lead.funnel." + key), n,
                Math.round(100.0 * n / scale), funnel.ofOpened(n).orElse(null))));
        return bars;
    }

    static List<Bar> levels(Map<Level, Long> counts, Locale locale) {
        long scale = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        return counts.entrySet().stream().map(e -> new Bar(e.getKey().id(), e.getKey().name(locale), e.getValue(),
                Math.round(100.0 * e.getValue() / scale), null)).toList();
    }

    /**
     * A grant as the lists show it: why in the lead's language (a lead's own words for points from outside, the badge by
     * its name), its ref kept for the hover only.
     */
    static Map<String, Object> grant(Grant g, Locale locale) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", g.id());
        row.put("user", g.userId());
        row.put("ref", g.ref());
        row.put("points", g.points());
        row.put("at", g.at());
        row.put("why", g.kind() == ParticipationKind.AWARDED ? g.reason()
                : g.kind() == ParticipationKind.BADGE && g.ref().startsWith("badge:") ? ParticipationRoutes.badge(g.ref().substring(6), locale)
                : Messages.text(locale, "lead.grants.why." + g.kind().name()));
        row.put("revoked", g.revoked());
        // A badge or a streak bonus follows from other grants: it goes when they are revoked, never by hand.
        row.put("derived", g.kind() == ParticipationKind.BADGE || g.kind() == ParticipationKind.STREAK_BONUS);
        row.put("revokedBy", g.revokedBy() == null ? "" : g.revokedBy());
        row.put("revokeReason", g.revokeReason() == null ? "" : g.revokeReason());
        return row;
    }
}
