package dev.popcorn.http;

import dev.popcorn.http.ConnectorException.Failure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real {@link Connector}, on the JDK's HTTP client: a connect and an answer timeout, redirects
 * never followed (a redirect is answered as it came), the answer read only up to a size, requests
 * paced (when a {@link Pacer} is given) and held back for as long as a 429's {@code Retry-After}
 * or {@link #holdFor} asks. One per system, so that its pace and holds are shared by every request.
 * With a deadline, the whole exchange (connecting, the headers and the body) must end within it:
 * the JDK's request timeout covers only the wait for the headers, so a host that sends its body
 * slowly or never finishes it would otherwise hold the calling thread for good.
 */
public final class HttpConnector implements Connector {

    /**
     * {@code name} is how messages call the system ("Jira", "the forum"); with {@code secretPath}
     * a message shows only the host (a webhook's path is its secret); {@code deadline}, when not
     * null, bounds the whole exchange, the answer's body included.
     */
    public record Settings(String name, Duration timeout, int maxBytes, boolean secretPath, Duration deadline) {

        /** Without an overall deadline: connecting and the headers each within {@code timeout}. */
        public Settings(String name, Duration timeout, int maxBytes, boolean secretPath) {
            this(name, timeout, maxBytes, secretPath, null);
        }
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
        long started = System.nanoTime();
        String system = Calls.target(settings.name());
        try {
            Response answer = exchange(request);
            Calls.answered(system, answer.status(), System.nanoTime() - started);
            return answer;
        } catch (ConnectorException e) {
            Calls.unanswered(system, e.failure(), System.nanoTime() - started);
            throw e;
        }
    }

    private Response exchange(Request request) {
        String target = target(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(settings.timeout())
                .method(request.method(), request.body().length == 0 && !request.method().equals("POST")
                        && !request.method().equals("PUT")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            if (pacer.isPresent()) {
                Optional<Duration> hold = pacer.get().await(settings.timeout());
                if (hold.isPresent()) {
                    throw new ConnectorException(Failure.HELD,
                            target + ": " + settings.name() + " asked Popcorn to wait another "
                                    + hold.get().toSeconds() + " s",
                            hold.get(), null);
                }
            }
            HttpResponse<byte[]> response = await(
                    http.sendAsync(builder.build(), info -> new CappedBody(settings.maxBytes())));
            byte[] body = response.body();
            Response answer = new Response(response.statusCode(), response.headers().map(), body);
            if (answer.status() == 429) {
                RetryAfter.parse(answer.header("Retry-After"), clock).ifPresent(this::holdFor);
            }
            return answer;
        } catch (TooLarge e) {
            throw new ConnectorException(Failure.TOO_LARGE,
                    target + ": " + settings.name() + "'s answer is larger than "
                            + settings.maxBytes() + " bytes",
                    null, null);
        } catch (TimeoutException e) {
            throw new ConnectorException(Failure.TIMEOUT,
                    target + ": " + settings.name() + " did not finish its answer within "
                            + settings.deadline().toMillis() + " ms",
                    null, e);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ConnectorException(Failure.UNREACHABLE, target + ": cannot reach " + settings.name() + " at "
                    + site(request.uri()) + " (" + (e instanceof HttpConnectTimeoutException ? "connecting timed out"
                            : "connection refused or no route")
                    + ")", null, e);
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

    /**
     * Waits for the exchange, up to the deadline if there is one; an exchange given up on is
     * cancelled, which closes its connection. Failures come out as the JDK's own exceptions.
     */
    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> exchange)
            throws IOException, InterruptedException, TimeoutException {
        try {
            return settings.deadline() == null ? exchange.get()
                    : exchange.get(settings.deadline().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** The answer over {@code maxBytes} is refused as it streams in, never held whole. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Collects the answer's body up to {@code max} bytes and gives up, closing the stream, at one byte more. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int max) {
            this.max = max;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
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
