package dev.popcorn.capability;

import dev.popcorn.announce.PhotoFetcher;
import dev.popcorn.app.team.ManageTeams;
import dev.popcorn.store.Store;
import dev.popcorn.web.TeamPage;
import dev.popcorn.web.TeamRoutes;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The teams that build each week's projects, their members, and copies of their photos for the winner card. */
public final class TeamCapability implements Capability {

    private final WeekCapability week;
    private final PhotoFetcher photoFetcher;
    private final ManageTeams manageTeams;

    public TeamCapability(Core core, WeekCapability week) {
        this.week = week;
        Store store = core.store();
        try {
            // Before the web is built: the photos are served from this folder when it exists.
            Files.createDirectories(core.photos());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.photoFetcher = new PhotoFetcher(core.pictures(), core.config().photos().allowedHosts(),
                PhotoFetcher.Limits.DEFAULT, core.clock());
        // Members' photos are copied on a thread of their own, from now on.
        photoFetcher.start();
        this.manageTeams = new ManageTeams(store.transactions(), store.teams(), store.audit(), photoFetcher,
                core.clock());
    }

    public ManageTeams manageTeams() {
        return manageTeams;
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        return List.of(new TeamRoutes(week.overview(), week.winners(), manageTeams),
                new TeamPage(week.overview(), week.winners(), web.chrome()));
    }

    /** Photos of teams saved before are asked for now, not when the team is next saved. */
    @Override
    public void started() {
        manageTeams.copyPhotos();
    }

    @Override
    public void stop() {
        photoFetcher.close();
    }
}
