package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.Check;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;

/**
 * The lead's desk ({@link DeskModel}): the page, its live count, and the tracker's connection check, which answers
 * with the desk and the check's lines. The desk's forms are classes of their resource ({@link DeskReleaseForms},
 * {@link DeskPollForms}, {@link DeskWishForms}, {@link DeskRetryForms}, {@link NominationForms}, ...), each answering
 * through {@link LeadDesk}.
 */
public final class DeskPage implements EndpointGroup {

    private final DeskModel model;
    private final TrackerSync trackerSync;
    private final Chrome chrome;

    public DeskPage(DeskModel model, TrackerSync trackerSync, Chrome chrome) {
        this.model = model;
        this.trackerSync = trackerSync;
        this.chrome = chrome;
    }

    @Override
    public void addEndpoints() {
        get("/lead", ctx -> render(ctx, null), LEAD);
        get("/lead/glance/count", ctx -> chrome.render(ctx, "lead-count", model.count(chrome.locale(ctx))), LEAD);
        post("/lead/tracker/check", ctx -> render(ctx, trackerSync.check()), LEAD);
    }

    /** The desk; {@code checks} are the lines of a connection check just run, or null. */
    private void render(Context ctx, List<Check> checks) {
        chrome.render(ctx, "lead", model.page(Gate.admitted(ctx), chrome.locale(ctx), checks, KeptForm.NONE,
                ctx.queryParam("done"), ctx.queryParam("at")));
    }
}
