package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.Fresh;
import dev.popcorn.app.participation.BadgeNames;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.Sessions;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ladder and the badges in public (issue 28), as a fan would look them up before and after an act: {@code /levels},
 * every level with what it takes and the rights it adds, and {@code /badges} and {@code /badges/{badge}}, every badge
 * with its tiers, what earns each and the public fans who hold it. The counts and the holders are read at most once a
 * minute: a forum post may send thousands of readers here, and each count goes over every user, each tier's holders
 * over all of them.
 */
public final class LadderPages implements EndpointGroup {

    /** Holders listed per tier on a badge's page. */
    static final int HOLDERS = 60;
    private static final Duration COUNTS_FRESH = Duration.ofMinutes(1);

    private final dev.popcorn.app.participation.Levels levels;
    private final Chrome chrome;
    private final Sessions sessions;
    private final Fresh<String, Map<Level, Long>> levelCounts;
    private final Fresh<String, Map<Badge.Earned, Long>> badgeCounts;
    private final Fresh<Badge.Earned, List<StandingStore.Holder>> holders;

    public LadderPages(dev.popcorn.app.participation.Levels levels, Chrome chrome, Sessions sessions) {
        this.levels = levels;
        this.chrome = chrome;
        this.sessions = sessions;
        this.levelCounts = new Fresh<>(all -> Optional.of(levels.levelCounts()), COUNTS_FRESH);
        this.badgeCounts = new Fresh<>(all -> Optional.of(levels.badgeCounts()), COUNTS_FRESH);
        this.holders = new Fresh<>(tier -> Optional.of(levels.holders(tier, HOLDERS)), COUNTS_FRESH);
    }

    @Override
    public void addEndpoints() {
        get("/levels", this::levels, ANYONE);
        get("/badges", this::badges, ANYONE);
        get("/badges/{badge}", this::badge, ANYONE);
    }

    /** One level as the page shows it: what it takes, what it adds, how many stand there, whether it is the reader's. */
    record LevelLine(String id, int rank, String name, boolean first, boolean byHand, List<String> needs,
            List<String> unlocks, long fans, boolean mine) {
    }

    /** One tier of a badge: its name, what earns it, how many hold it, and (on the badge's own page) who. */
    record TierLine(String key, String tier, String name, String what, long holders, List<HolderLine> fans,
            boolean mine) {
    }

    record HolderLine(String id, String name, Instant since) {
    }

    record BadgeLine(String slug, String name, String about, List<TierLine> tiers) {
    }

    /** The ladder's page: its levels, the window of releases it counts, what share keeps a level, the days of grace. */
    record LevelsPage(List<LevelLine> levels, int windowReleases, int keepPercent, long graceDays) {
    }

    /** The badges' page. */
    record Badges(List<BadgeLine> badges) {
    }

    /** A badge's own page: the badge with its holders, at most {@code most} a tier. */
    record OneBadge(BadgeLine badge, int most) {
    }

    private void levels(Context ctx) {
        Locale locale = chrome.locale(ctx);
        LevelLadder ladder = levels.ladder();
        Optional<String> mine = sessions.current(ctx).map(pass -> levels.level(pass.userId()).id());
        Map<Level, Long> counts = levelCounts.get("all").orElseThrow();
        List<LevelLine> lines = new ArrayList<>();
        for (Level level : ladder.levels()) {
            lines.add(new LevelLine(level.id(), level.rank(), level.name(locale), level.rank() == 0, level.byHand(),
                    needs(level, locale), NoticeTexts.adds(ladder, level, locale), counts.getOrDefault(level, 0L),
                    mine.map(level.id()::equals).orElse(false)));
        }
        chrome.render(ctx, "levels", new LevelsPage(lines, ladder.windowReleases(), ladder.keepPercent(),
                ladder.grace().toDays()));
    }

    private static List<String> needs(Level level, Locale locale) {
        List<String> parts = new ArrayList<>();
        Level.Requirement r = level.needs();
        if (r.points() > 0) {
            parts.add(Messages.text(locale, "ladder.needs.points", r.points()));
        }
        if (r.reports() > 0) {
            parts.add(Messages.text(locale, "ladder.needs.reports", r.reports()));
        }
        if (r.releases() > 0) {
            parts.add(Messages.text(locale, "ladder.needs.releases", r.releases()));
        }
        return parts;
    }

    private void badges(Context ctx) {
        Locale locale = chrome.locale(ctx);
        List<String> held = held(ctx);
        List<BadgeLine> lines = new ArrayList<>();
        for (Badge badge : Badge.values()) {
            lines.add(line(badge, locale, held, false));
        }
        chrome.render(ctx, "badges", new Badges(lines));
    }

    private void badge(Context ctx) {
        String slug = ctx.pathParam("badge");
        Badge badge = java.util.Arrays.stream(Badge.values()).filter(b -> slug(b).equals(slug)).findFirst()
                .orElseThrow(() -> RuleViolation.notFound("badge.unknown", slug));
        Locale locale = chrome.locale(ctx);
        chrome.render(ctx, "badge", new OneBadge(line(badge, locale, held(ctx), true), HOLDERS));
    }

    private BadgeLine line(Badge badge, Locale locale, List<String> held, boolean withHolders) {
        Map<Badge.Earned, Long> counts = badgeCounts.get("all").orElseThrow();
        List<TierLine> tiers = new ArrayList<>();
        for (int i = 0; i < badge.thresholds().size(); i++) {
            Badge.Earned tier = new Badge.Earned(badge, Badge.Tier.values()[i]);
            List<HolderLine> fans = !withHolders ? List.of() : holders.get(tier).orElseThrow().stream()
                    .map((StandingStore.Holder h) -> new HolderLine(h.userId(), h.name(), h.since())).toList();
            tiers.add(new TierLine(tier.key(), tier.tier().name().toLowerCase(Locale.ROOT), BadgeNames.of(tier, locale),
                    Messages.text(locale, "badge.what." + badge.name(), badge.thresholds().get(i)),
                    counts.getOrDefault(tier, 0L), fans, held.contains(tier.key())));
        }
        return new BadgeLine(slug(badge), Messages.text(locale, "badge." + badge.name()),
                Messages.text(locale, "ladder.badge.about." + badge.name()), tiers);
    }

    /** The badge keys the signed-in reader holds (none for a visitor). */
    private List<String> held(Context ctx) {
        return sessions.current(ctx).map(pass -> List.copyOf(levels.badgeKeys(pass.userId()))).orElse(List.of());
    }

    /** A badge as its address names it: {@code first-report}, as the keys of its tiers begin. */
    static String slug(Badge badge) {
        return badge.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
