package dev.popcorn.web;

import dev.popcorn.app.participation.Levels;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.app.week.WeekParticipation;
import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.release.Release;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.PageModels;
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
public final class LeadParticipationModel {

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

    public LeadParticipationModel(WeekOverview overview, WeekParticipation week, Levels levels) {
        this.overview = overview;
        this.week = week;
        this.levels = levels;
    }

    /**
     * The dashboard's participation blocks: the current release (null before any), its funnel and latest reports, the
     * newest grants, the level form's choices and the level distribution.
     */
    public record Participation(Release participationRelease, List<Bar> funnel,
            List<WeekParticipation.Reviewed> leadReports,
            List<GrantRow> recentGrants, LevelForms levelForms, List<Bar> levelBars) implements PageModels.Part {
    }

    /** The ladder's levels for the level form (the desk's and a person's page): id and name in the lead's language. */
    record LevelForms(List<LevelChoice> levelChoices) implements PageModels.Part {
    }

    /** A level the form offers. */
    record LevelChoice(String id, String name) {
    }

    /**
     * A grant as the lists show it: why in the lead's language (a lead's own words for points from outside, the badge by
     * its name), its ref kept for the hover only; {@code derived}: a badge or a streak bonus, which follows from other
     * grants and goes when they are revoked, never by hand; {@code revokedBy} and {@code revokeReason} empty unless revoked.
     */
    record GrantRow(long id, String user, String ref, int points, java.time.Instant at, String why, boolean revoked,
            boolean derived, String revokedBy, String revokeReason) {
    }

    /** The blocks, in the lead's language. */
    Participation participation(Locale locale) {
        Optional<Release> current = overview.currentRelease();
        return new Participation(current.orElse(null),
                current.map(release -> funnel(week.funnel(release.id()), locale)).orElse(null),
                current.map(release -> week.reports(release.id(), REPORTS)).orElse(null),
                week.recentGrants(GRANTS).stream().map(g -> grant(g, locale)).toList(),
                levelForms(levels.ladder(), locale),
                levels(levels.levelCounts(), locale));
    }

    /** The ladder's levels for the level form: id and name in the lead's language. */
    static LevelForms levelForms(dev.popcorn.domain.participation.LevelLadder ladder, Locale locale) {
        return new LevelForms(ladder.levels().stream().map(level -> new LevelChoice(level.id(),
                level.name(locale))).toList());
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
    static GrantRow grant(Grant g, Locale locale) {
        String why = g.kind() == ParticipationKind.AWARDED ? g.reason()
                : g.kind() == ParticipationKind.BADGE && g.ref().startsWith("badge:")
                        ? ParticipationRoutes.badge(g.ref().substring(6), locale)
                        : Messages.text(locale, "lead.grants.why." + g.kind().name());
        return new GrantRow(g.id(), g.userId(), g.ref(), g.points(), g.at(), why, g.revoked(),
                g.kind() == ParticipationKind.BADGE || g.kind() == ParticipationKind.STREAK_BONUS,
                g.revokedBy() == null ? "" : g.revokedBy(), g.revokeReason() == null ? "" : g.revokeReason());
    }
}
