package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.outbox.OutboxTroubles;
import dev.popcorn.app.release.BuildNotices;
import io.javalin.apibuilder.EndpointGroup;

/** The desk's retries: the tracker's failed writes, a build notice that could not be acted on. */
public final class DeskRetryForms implements EndpointGroup {

    private final OutboxTroubles outbox;
    private final BuildNotices buildNotices;
    private final LeadDesk desk;

    public DeskRetryForms(OutboxTroubles outbox, BuildNotices buildNotices, LeadDesk desk) {
        this.outbox = outbox;
        this.buildNotices = buildNotices;
        this.desk = desk;
    }

    @Override
    public void addEndpoints() {
        post("/lead/tracker/retry", ctx -> desk.act(ctx, "tracker-retry", "desk-releases", "retried",
                lead -> LeadDesk.done(outbox::retryFailed)), LEAD);
        post("/lead/jenkins/notices/{id}/retry", ctx -> desk.act(ctx, "notice-retry-" + id(ctx), "desk-releases",
                "noticeRetried", lead -> LeadDesk.done(() -> buildNotices.retry(id(ctx)))), LEAD);
    }
}
