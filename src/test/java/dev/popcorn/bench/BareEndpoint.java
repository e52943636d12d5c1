package dev.popcorn.bench;

import io.javalin.Javalin;

/**
 * The machine's HTTP ceiling: the project's own Javalin (and Jetty) answering {@code PUT /ping}
 * with a small JSON and doing nothing else, in a process of its own with the server's heap flag,
 * so that the server's request rate can be read as a share of what HTTP alone allows here.
 * {@code java -cp … dev.popcorn.bench.BareEndpoint PORT}; {@code GET /health} says it is up.
 */
final class BareEndpoint {

    private BareEndpoint() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        app.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
        app.put("/ping", ctx -> {
            ctx.body();
            ctx.contentType("application/json; charset=utf-8").result("{\"pong\":true}");
        });
        app.start("127.0.0.1", port);
    }
}
