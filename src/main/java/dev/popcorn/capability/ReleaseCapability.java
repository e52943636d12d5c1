package dev.popcorn.capability;

import dev.popcorn.app.release.BuildNotices;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.config.Config;
import dev.popcorn.jenkins.NotificationJson;
import dev.popcorn.store.Store;
import dev.popcorn.web.JenkinsRoutes;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;

/** The Friday build: a release opened by a lead or by Jenkins' notice, and shipped with its tickets. */
public final class ReleaseCapability implements Capability {

    private final Core core;
    private final OpenRelease openRelease;
    private final ShipRelease shipRelease;
    private final BuildNotices buildNotices;

    public ReleaseCapability(Core core, TrackerCapability tracker) {
        this.core = core;
        Config config = core.config();
        Store store = core.store();
        this.openRelease = new OpenRelease(store.transactions(), store.releases(), store.polls(), store.teams(),
                store.audit(), config.calendar(), core.clock());
        this.shipRelease = new ShipRelease(openRelease, tracker.trackerSync(), store.releases(), store.polls(),
                store.audit(), core.clock());
        this.buildNotices = new BuildNotices(config.jenkins().rule(), new NotificationJson(), shipRelease,
                store.builds(),
                core.replays(), core.clock());
    }

    public OpenRelease openRelease() {
        return openRelease;
    }

    public ShipRelease shipRelease() {
        return shipRelease;
    }

    public BuildNotices buildNotices() {
        return buildNotices;
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        return List.of(new JenkinsRoutes(buildNotices, core.config().jenkins().token()));
    }
}
