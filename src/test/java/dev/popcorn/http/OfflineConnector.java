package dev.popcorn.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The connector's offline double: answers what the test queued, in order (an answer, or a failure
 * to throw), and keeps every request and every hold it was asked for. Nothing leaves the machine.
 */
public final class OfflineConnector implements Connector {

    private final Deque<Supplier<Response>> answers = new ArrayDeque<>();
    public final List<Request> requests = new ArrayList<>();
    public final List<Duration> holds = new ArrayList<>();

    public OfflineConnector answer(int status, String body, java.util.Map<String, String> headers) {
        answers.add(() -> Response.of(status, body, headers));
        return this;
    }

    public OfflineConnector fail(ConnectorException.Failure failure, String message) {
        answers.add(() -> {
            throw new ConnectorException(failure, message, null, new java.io.IOException(message));
        });
        return this;
    }

    @Override
    public Response send(Request request) {
        requests.add(request);
        if (answers.isEmpty()) {
            throw new AssertionError("no answer queued for " + request.method() + " " + request.uri());
        }
        return answers.poll().get();
    }

    @Override
    public void holdFor(Duration wait) {
        holds.add(wait);
    }
}
