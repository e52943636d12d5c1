package dev.popcorn.http;

import dev.popcorn.http.ConnectorException.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The real {@link Connector}, on the JDK's HTTP client: a connect and an answer timeout, redirects
 * never followed (a redirect is answered as it came), the answer read only up to a size, requests
 * paced (when a {@link Pacer} is given) and held back for as long as a 429's {@code Retry-After}
 * or {@link #holdFor} asks. One per system, so that its pace and holds are shared by every request.
 */
public final class HttpConnector implements Connector {

    /**
     * {@code name} is how messages call the system ("Jira", "the forum"); with {@code secretPath}
     * a message shows only the host (a webhook's path is its secret).
     */
    public record Settings(String name, Duration timeout, int maxBytes, boolean secretPath) {
    }

    private final Settings settings;
    private final Optional<Pacer> pacer;
    private final Clock clock;
    private final HttpClient http;

    public HttpConnector(Settings settings, Optional<Pacer> pacer, Clock clock) {
        this.settings = settings;
        this.pacer = pacer;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Response send(Request request) {
        String target = target(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(settings.timeout())
                .method(request.method(), request.body().length == 0 && !request.method().equals("POST")
                        && !request.method().equals("PUT")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            if (pacer.isPresent()) {
                Optional<Duration> hold = pacer.get().await(settings.timeout());
                if (hold.isPresent()) {
                    throw new ConnectorException(Failure.HELD, target + ": " + settings.name() + " asked Popcorn to wait another "
                            + hold.get().toSeconds() + " s", hold.get(), null);
                }
            }
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body = read(response.body(), target);
            Response answer = new Response(response.statusCode(), response.headers().map(), body);
            if (answer.status() == 429) {
                RetryAfter.parse(answer.header("Retry-After"), clock).ifPresent(this::holdFor);
            }
            return answer;
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ConnectorException(Failure.UNREACHABLE, target + ": cannot reach " + settings.name() + " at "
                    + site(request.uri()) + " (" + (e instanceof HttpConnectTimeoutException ? "connecting timed out"
                    : "connection refused or no route") + ")", null, e);
        } catch (HttpTimeoutException e) {
            throw new ConnectorException(Failure.TIMEOUT, target + ": " + settings.name() + " did not answer within "
                    + settings.timeout().toSeconds() + " s", null, e);
        } catch (IOException e) {
            throw new ConnectorException(Failure.BROKEN_OFF, target + ": " + settings.name() + " broke off ("
                    + e.getClass().getSimpleName() + ")", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(Failure.INTERRUPTED, target + ": interrupted", null, e);
        }
    }

    @Override
    public void holdFor(Duration wait) {
        pacer.ifPresent(p -> p.holdUntil(clock.instant().plus(wait)));
    }

    private byte[] read(InputStream in, String target) throws IOException {
        try (in) {
            byte[] body = in.readNBytes(settings.maxBytes() + 1);
            if (body.length > settings.maxBytes()) {
                throw new ConnectorException(Failure.TOO_LARGE, target + ": " + settings.name() + "'s answer is larger than "
                        + settings.maxBytes() + " bytes", null, null);
            }
            return body;
        }
    }

    /** How a message names the request: its method and path (never the query), or only the host. */
    private String target(Request request) {
        return request.method() + " " + (settings.secretPath() ? site(request.uri()) : request.uri().getRawPath());
    }

    private static String site(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
