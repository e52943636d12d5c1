package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.participation.LevelOverrides;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.common.Messages;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Locale;

/** A user's level as a lead sets it: locked at a level with a reason, or unlocked to follow activity again (both audited). */
public final class LevelRoutes implements EndpointGroup {

    record LockInput(String level, String reason) {
    }

    record UnlockInput(String reason) {
    }

    /** The level the user stands at after the lead's decision; {@code name} in the caller's language. */
    record LevelJson(String user, String level, String name, String nameZh, String nameEn, boolean locked) {
        static LevelJson of(String user, Level level, boolean locked, Locale locale) {
            return new LevelJson(user, level.id(), level.name(locale), level.nameZh(), level.nameEn(), locked);
        }
    }

    private final LevelOverrides levels;

    public LevelRoutes(LevelOverrides levels) {
        this.levels = levels;
    }

    @Override
    public void addEndpoints() {
        post("/api/v1/users/{id}/level", this::lock, LEAD);
        post("/api/v1/users/{id}/level/unlock", this::unlock, LEAD);
    }

    private void lock(Context ctx) {
        LockInput input = Json.read(ctx, LockInput.class);
        String user = ctx.pathParam("id");
        Level level = levels.lock(user, input.level(), input.reason(), Gate.admitted(ctx).userId());
        Json.write(ctx, 200, LevelJson.of(user, level, true, locale(ctx)));
    }

    private void unlock(Context ctx) {
        UnlockInput input = Json.read(ctx, UnlockInput.class);
        String user = ctx.pathParam("id");
        Level level = levels.unlock(user, input.reason(), Gate.admitted(ctx).userId());
        Json.write(ctx, 200, LevelJson.of(user, level, false, locale(ctx)));
    }

    private static Locale locale(Context ctx) {
        return Messages.choose(null, ctx.header("Accept-Language"));
    }
}
