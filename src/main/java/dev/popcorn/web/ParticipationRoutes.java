package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Access.USER;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.participation.BadgeNames;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.Levels;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.Params;
import dev.popcorn.web.json.StandingJson;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The points ledger: a user's totals and history, a lead's points from outside and revocations. */
public final class ParticipationRoutes implements EndpointGroup {

    /** A grant; {@code why} says it in the caller's language ({@code reason} is the ledger's record, and a lead's words). */
    record GrantJson(long id, String user, String kind, String ref, int points, Instant at, String reason, String why,
            Instant revokedAt, String revokedBy, String revokeReason) {
        static GrantJson of(Grant g, Locale locale) {
            return new GrantJson(g.id(), g.userId(), g.kind().name(), g.ref(), g.points(), g.at(), g.reason(),
                    why(g, locale),
                    g.revokedAt(), g.revokedBy(), g.revokeReason());
        }

        /** Points given from outside say what the lead wrote; the others what earned them, and whether the cap cut them. */
        private static String why(Grant g, Locale locale) {
            if (g.kind() == ParticipationKind.AWARDED) {
                return g.reason();
            }
            String earned = g.kind() == ParticipationKind.BADGE && g.ref().startsWith("badge:")
                    ? badge(g.ref().substring(6), locale)
                    : g.kind() == ParticipationKind.REPORT_HELPFUL && g.ref().contains("/")
                            ? Messages.text(locale, "points.why.REPORT_HELPFUL.comment")
                            : Messages.text(locale, "points.why." + g.kind().name());
            return g.reason().equals(g.kind().reason()) ? earned : Messages.text(locale, "points.why.capped", earned);
        }
    }

    /** "A badge: Bronze · First report", or the plain reason where the ref names no badge this version knows. */
    static String badge(String key, Locale locale) {
        try {
            return Messages.text(locale, "points.why.BADGE.named",
                    BadgeNames.of(dev.popcorn.domain.participation.Badge.Earned.parse(key), locale));
        } catch (IllegalArgumentException e) {
            return Messages.text(locale, "points.why.BADGE");
        }
    }

    record ParticipationJson(long week, long month, long all, List<GrantJson> grants, StandingJson standing) {
    }

    /** What anyone may see of a fan who did not choose to stay off public pages. */
    record FanJson(String id, String name, StandingJson.LevelJson level, StandingJson.StreakJson streak,
            List<StandingJson.BadgeJson> badges, int reports, int wishesShipped) {
    }

    record ProfileInput(Boolean visible) {
    }

    record RevokeInput(String reason) {
    }

    record PointsInput(Integer points, String reason, String ref) {
    }

    private final Ledger ledger;
    private final Standing standing;
    private final Levels levels;

    public ParticipationRoutes(Ledger ledger, Standing standing, Levels levels) {
        this.ledger = ledger;
        this.standing = standing;
        this.levels = levels;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/me/participation", this::mine, USER);
        post("/api/v1/participation/grants/{id}/revoke", this::revoke, LEAD);
        post("/api/v1/users/{id}/points", this::award, LEAD);
        post("/api/v1/me/profile", this::profile, USER);
        post("/api/v1/me/early-access", ctx -> {
            String me = Gate.admitted(ctx).userId();
            levels.joinEarlyAccess(me);
            Json.write(ctx, 200,
                    StandingJson.of(standing.view(me), Messages.choose(null, ctx.header("Accept-Language"))));
        }, USER);
        get("/api/v1/fans/{id}", this::fan, ANYONE);
    }

    private void mine(Context ctx) {
        Ledger.Summary summary = ledger.summary(Gate.admitted(ctx).userId(), before(ctx.queryParam("before")));
        Locale locale = Messages.choose(null, ctx.header("Accept-Language"));
        Json.write(ctx, 200, new ParticipationJson(summary.week(), summary.month(), summary.all(),
                summary.grants().stream().map(g -> GrantJson.of(g, locale)).toList(),
                StandingJson.of(standing.view(Gate.admitted(ctx).userId()), locale)));
    }

    private void profile(Context ctx) {
        ProfileInput input = Json.read(ctx, ProfileInput.class);
        String me = Gate.admitted(ctx).userId();
        standing.setPublicProfile(me, Params.require(input.visible(), "visible"));
        Json.write(ctx, 200, StandingJson.of(standing.view(me), Messages.choose(null, ctx.header("Accept-Language"))));
    }

    private void fan(Context ctx) {
        String id = ctx.pathParam("id");
        Standing.View view = publicView(standing, id);
        Locale locale = Messages.choose(null, ctx.header("Accept-Language"));
        StandingJson json = StandingJson.of(view, locale);
        Json.write(ctx, 200, new FanJson(id, standing.name(id).orElse(id), json.level(), json.streak(), json.badges(),
                view.counts().reports(), view.counts().wishesShipped()));
    }

    /** A fan's standing for public eyes: unknown users and those who chose to stay off public pages are not found. */
    static Standing.View publicView(Standing standing, String id) {
        if (id.length() > 120 || standing.name(id).isEmpty() || !standing.publicProfile(id)) {
            throw RuleViolation.notFound("share.fan.unknown", id);
        }
        return standing.view(id);
    }

    private void revoke(Context ctx) {
        long id = Params.id(ctx);
        RevokeInput input = Json.read(ctx, RevokeInput.class);
        Json.write(ctx, 200, GrantJson.of(ledger.revoke(id, input.reason(), Gate.admitted(ctx).userId()),
                Messages.choose(null, ctx.header("Accept-Language"))));
    }

    private void award(Context ctx) {
        PointsInput input = Json.read(ctx, PointsInput.class);
        Ledger.Awarded awarded = ledger.award(ctx.pathParam("id"), Params.require(input.points(), "points"),
                input.reason(), input.ref(), Gate.admitted(ctx).userId());
        Json.write(ctx, awarded.created() ? 201 : 200, GrantJson.of(awarded.grant(),
                Messages.choose(null, ctx.header("Accept-Language"))));
    }

    /** The {@code ?before=<id>} of a page: a positive grant id, or absent for the newest page. */
    private static Long before(String value) {
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RuleViolation(RuleViolation.Kind.MALFORMED, "participation.before.invalid", value);
    }
}
