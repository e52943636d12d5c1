package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.backup.Backups;
import dev.popcorn.web.common.Gate;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * A backup while the server runs (ADR 0028): the server holds its embedded database's file, so only it can read
 * it; {@code popcorn backup} asks for one here with the admin token and writes what is streamed to its file.
 */
public final class BackupRoutes implements EndpointGroup {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackupRoutes.class);

    private final Backups backups;

    public BackupRoutes(Backups backups) {
        this.backups = backups;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/backup", this::backup, LEAD);
    }

    private void backup(Context ctx) throws IOException {
        LOG.info("a backup for {}", Gate.admitted(ctx).userId());
        ctx.status(200).contentType("application/gzip")
                .header("Content-Disposition", "attachment; filename=\"popcorn.backup.gz\"")
                .header("Cache-Control", "no-store");
        backups.writeTo(ctx.outputStream());
    }
}
