package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack of H1: a body far over {@code http.max-body-bytes} sent in chunks (no Content-Length to
 * refuse it by) to a JSON route and to a page's form. Popcorn stops reading at the cap and answers 413
 * — problem JSON on the API, the friendly page for people; without the cap it read the whole body into
 * memory and answered something else once it ended.
 */
class BodyLimitIT {

    /** Sixty-four times the test server's cap (16 KB): without the cap all of it was read into memory. */
    private static final long SENT_AT_MOST = 1024L * 1024;
    private static final long GIGABYTE = 1024L * 1024 * 1024;
    private static final String CSRF = "0123456789abcdef0123456789abcdef";

    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, TestServer.FRIDAY, true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What came back. */
    /** What came back, and how much of the body the server let in before it closed the connection. */
    record Answer(String statusLine, String contentType, String connection, String body, long sent) {
    }

    /**
     * Sends {@code head} and then chunks of 'a' while reading the answer. The server may answer
     * before or after it has discarded the rest; either way only the cap is read by Popcorn.
     */
    private static Answer chunked(String head) throws Exception {
        return chunked(head, SENT_AT_MOST);
    }

    private static Answer chunked(String head, long atMost) throws Exception {
        URI uri = URI.create(server.url("/"));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    while (sent.get() < atMost) {
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closedByTheServer) {
                    // The server answered and stopped listening: exactly what is expected.
                }
            }, "endless-body");
            writer.setDaemon(true);
            writer.start();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            String contentType = "";
            String connection = "";
            int length = -1;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring(13).strip();
                } else if (lower.startsWith("connection:")) {
                    connection = line.substring(11).strip();
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            char[] body = new char[Math.max(0, length)];
            int got = 0;
            while (got < body.length) {
                int n = in.read(body, got, body.length - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
            // The connection closes after the answer; the writer stops at the first write that fails.
            socket.shutdownInput();
            writer.join(30_000);
            return new Answer(statusLine, contentType, connection, new String(body, 0, got), sent.get());
        }
    }

    @Test
    void anEndlessChunkedJsonBodyIsCutOffAtTheCapWith413ProblemJson() throws Exception {
        String fan = server.pass("fan-1", "Fan");
        Answer answer = chunked("PUT /api/v1/polls/2/ballot HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + fan
                + "\r\nContent-Type: application/json\r\n");
        assertThat(answer.statusLine()).startsWith("HTTP/1.1 413");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("urn:popcorn:problem:request.tooLarge");
        assertThat(answer.connection()).as("the rest never reaches Popcorn: the connection ends with the answer")
                .isEqualTo("close");

        assertThat(server.send("GET", "/api/v1/polls/2/ballot", fan, null).statusCode()).as("no ballot was cast")
                .isEqualTo(404);
    }

    @Test
    void aChunkedGigabyteLeavesTheHeapFlat() throws Exception {
        String fan = server.pass("fan-3", "Fan");
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong(before);
        java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                Thread.onSpinWait();
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Answer answer = chunked("PUT /api/v1/polls/2/ballot HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + fan
                + "\r\nContent-Type: application/json\r\n", GIGABYTE);
        sampling.set(false);
        sampler.join();
        assertThat(answer.statusLine()).startsWith("HTTP/1.1 413");
        long grew = peak.get() - before;
        System.out.printf(
                "a chunked body of %d MB sent: answered 413 at the 16 KB cap; heap in use grew by at most %d MB%n",
                answer.sent() / (1024 * 1024), grew / (1024 * 1024));
        // Read into memory, the gigabyte would have been there at once; the rest is garbage of the test itself.
        assertThat(grew).as("peak heap growth while a gigabyte was sent").isLessThan(256L * 1024 * 1024);
    }

    @Test
    void anEndlessChunkedFormIsCutOffAtTheCapWithTheFriendlyPage() throws Exception {
        Answer answer = chunked("POST /releases/2/report HTTP/1.1\r\nHost: localhost\r\nCookie: popcorn_csrf=" + CSRF
                + "; popcorn_session=" + server.session("fan-1", "Fan")
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\n");
        assertThat(answer.statusLine()).startsWith("HTTP/1.1 413");
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.connection()).isEqualTo("close");
    }

    @Test
    void aRouteThatNeedsAPassRefusesBeforeReadingTheBody() throws Exception {
        Answer answer = chunked(
                "PUT /api/v1/polls/2/ballot HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n");
        assertThat(answer.statusLine()).startsWith("HTTP/1.1 401");
        assertThat(answer.body()).contains("urn:popcorn:problem:auth.bearerRequired");
    }
}
