package dev.popcorn.capability;

import dev.popcorn.app.backup.Backups;
import dev.popcorn.web.BackupRoutes;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;

/**
 * A backup taken while the server runs (ADR 0028): only the server may read an embedded database it holds, so
 * {@code popcorn backup --server} asks it over the API. The example of ADR 0033: its use case in
 * {@code app.backup}, its route in {@code web}, this class, and one line in {@code Wiring}.
 */
public final class BackupCapability implements Capability {

    private final Backups backups;

    public BackupCapability(Core core) {
        this.backups = core.store().backups(core.clock());
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        return List.of(new BackupRoutes(backups));
    }
}
