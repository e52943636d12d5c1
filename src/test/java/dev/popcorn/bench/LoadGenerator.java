package dev.popcorn.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A closed-loop HTTP/1.1 load generator on one NIO selector thread: N keep-alive connections, one
 * request in flight on each, the next sent as soon as the answer is read. It is our own because it
 * shares the machine's two cores with the server, so it must cost little CPU, and because the
 * crash check must know exactly which request each answer (or each broken connection) belongs to.
 * It reads the status line, the headers and a body by Content-Length, chunked, or up to the close.
 *
 * <p>Latency is measured from the moment a request is written to the moment its whole answer is
 * read. A closed loop sends no new request while the server stalls, so the percentiles describe
 * the requests that were sent (coordinated omission): the rates are the primary figures.
 */
final class LoadGenerator {

    /** A request: which kind it is (an index into the kinds), its bytes, and what the workload wants back with its answer. */
    record Request(int kind, byte[] bytes, Object tag) {
    }

    /** What to send, and what to do with the answers; every call comes from the generator's one thread. */
    interface Workload {
        /** The next request for a free connection, or null when there is nothing more to send. */
        Request next();

        /** The whole answer arrived. */
        void answered(Request request, int status, byte[] body);

        /** No answer: the connection broke, or the run ended first. The server may or may not have acted on it. */
        void unanswered(Request request, String why);
    }

    /** Figures of one kind of request, counted from the end of the warm-up on. */
    static final class Stats {
        final String name;
        final Histogram latency = new Histogram();
        final long[] statuses = new long[600];
        long okInWindow;
        long transportErrors;

        Stats(String name) {
            this.name = name;
        }

        long answers() {
            long n = 0;
            for (long s : statuses) {
                n += s;
            }
            return n;
        }

        long ok() {
            long n = 0;
            for (int s = 200; s < 300; s++) {
                n += statuses[s];
            }
            return n;
        }

        /** Answers other than 2xx, plus requests that got no answer. */
        long errors() {
            return answers() - ok() + transportErrors;
        }

        String statusSummary() {
            StringBuilder out = new StringBuilder();
            for (int s = 0; s < statuses.length; s++) {
                if (statuses[s] > 0) {
                    out.append(out.length() == 0 ? "" : ", ").append(s).append(": ")
                            .append(String.format(Locale.ROOT, "%,d", statuses[s]));
                }
            }
            if (transportErrors > 0) {
                out.append(out.length() == 0 ? "" : ", ").append("no answer: ")
                        .append(String.format(Locale.ROOT, "%,d", transportErrors));
            }
            return out.length() == 0 ? "none" : out.toString();
        }
    }

    /** What a run saw. */
    record Result(List<Stats> kinds, double windowSeconds, long connects, long connectFailures, long serverCloses,
            long answersWithoutLength, long chunkedAnswers, long unansweredAtEnd, long[] okBySecond) {

        Stats kind(int index) {
            return kinds.get(index);
        }

        Histogram allLatencies() {
            Histogram all = new Histogram();
            kinds.forEach(k -> all.add(k.latency));
            return all;
        }

        long errors() {
            return kinds.stream().mapToLong(Stats::errors).sum();
        }

        double rate(int kind) {
            return windowSeconds <= 0 ? 0 : kinds.get(kind).okInWindow / windowSeconds;
        }
    }

    private static final long RECONNECT_DELAY_NANOS = Duration.ofMillis(50).toNanos();
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private enum Phase {
        HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER, UNTIL_CLOSE
    }

    /** One keep-alive connection and the answer being read on it. */
    private static final class Connection {
        SocketChannel channel;
        SelectionKey key;
        boolean connected;
        long reconnectAt;
        boolean done;
        Request current;
        long sentAt;
        ByteBuffer out;
        byte[] buf = new byte[16 * 1024];
        int start;
        int end;
        Phase phase = Phase.HEAD;
        int status;
        long remaining;
        boolean close;
        final ByteArrayOutputStream body = new ByteArrayOutputStream(512);
    }

    private final InetSocketAddress address;
    private final int connections;
    private final String[] kindNames;
    private final Workload workload;

    private Selector selector;
    private final List<Connection> all = new ArrayList<>();
    private List<Stats> stats;
    private long countFrom;
    private long windowEnd;
    private boolean counting;
    private long connects;
    private long connectFailures;
    private long serverCloses;
    private long withoutLength;
    private long chunked;
    private long[] okBySecond;

    LoadGenerator(InetSocketAddress address, int connections, String[] kindNames, Workload workload) {
        this.address = address;
        this.connections = connections;
        this.kindNames = kindNames.clone();
        this.workload = workload;
    }

    /** Builds the bytes of one request: keep-alive, a JSON body when given, a bearer pass when given. */
    static byte[] request(String method, String path, String host, String bearer, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256 + (bearer == null ? 0 : bearer.length()));
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        if (json != null || !method.equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /**
     * Runs until {@code measure} after the warm-up has passed, {@code stop} is set, or the workload
     * has nothing more and every answer is in; then waits up to {@code drain} for the answers still
     * due (delivered to the workload, counted in the figures but not in the rates' window) and
     * tells the workload about the requests that got none.
     */
    Result run(Duration warmup, Duration measure, AtomicBoolean stop, Duration drain) throws IOException {
        stats = new ArrayList<>();
        for (String name : kindNames) {
            stats.add(new Stats(name));
        }
        selector = Selector.open();
        long begin = System.nanoTime();
        countFrom = begin + warmup.toNanos();
        windowEnd = countFrom + measure.toNanos();
        counting = warmup.isZero();
        okBySecond = new long[(int) Math.min(3600, measure.toSeconds() + 1)];
        try {
            for (int i = 0; i < connections; i++) {
                Connection c = new Connection();
                all.add(c);
                connect(c);
            }
            long now = System.nanoTime();
            while (now < windowEnd && !stop.get() && !finished()) {
                if (!counting && now >= countFrom) {
                    counting = true;
                }
                loopOnce(now, true);
                now = System.nanoTime();
            }
            long stoppedAt = Math.min(System.nanoTime(), windowEnd);
            double window = (stoppedAt - countFrom) / 1e9;
            long drainUntil = System.nanoTime() + drain.toNanos();
            while (inFlight() > 0 && System.nanoTime() < drainUntil) {
                loopOnce(System.nanoTime(), false);
            }
            long unanswered = 0;
            for (Connection c : all) {
                if (c.current != null) {
                    unanswered++;
                    Request r = c.current;
                    c.current = null;
                    if (counting) {
                        stats.get(r.kind()).transportErrors++;
                    }
                    workload.unanswered(r, "still unanswered when the run ended");
                }
                closeQuietly(c);
            }
            return new Result(List.copyOf(stats), Math.max(0, window), connects, connectFailures, serverCloses,
                    withoutLength, chunked, unanswered, okBySecond.clone());
        } finally {
            selector.close();
        }
    }

    private boolean finished() {
        for (Connection c : all) {
            if (!c.done || c.current != null) {
                return false;
            }
        }
        return true;
    }

    private int inFlight() {
        int n = 0;
        for (Connection c : all) {
            if (c.current != null) {
                n++;
            }
        }
        return n;
    }

    private void loopOnce(long now, boolean sending) throws IOException {
        long wait = 20;
        for (Connection c : all) {
            if (c.channel == null && !c.done) {
                if (!sending) {
                    continue;
                }
                if (c.reconnectAt <= now) {
                    connect(c);
                } else {
                    wait = Math.min(wait, Math.max(1, (c.reconnectAt - now) / 1_000_000));
                }
            }
        }
        selector.select(wait);
        for (SelectionKey key : selector.selectedKeys()) {
            Connection c = (Connection) key.attachment();
            try {
                if (!key.isValid()) {
                    continue;
                }
                if (key.isConnectable()) {
                    c.channel.finishConnect();
                    connected(c, sending);
                } else if (key.isWritable()) {
                    c.channel.write(c.out);
                    if (!c.out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                } else if (key.isReadable()) {
                    read(c, sending);
                }
            } catch (IOException e) {
                broken(c, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        selector.selectedKeys().clear();
    }

    private void connect(Connection c) throws IOException {
        c.start = 0;
        c.end = 0;
        c.phase = Phase.HEAD;
        c.connected = false;
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.channel = channel;
        try {
            boolean now = channel.connect(address);
            c.key = channel.register(selector, now ? 0 : SelectionKey.OP_CONNECT, c);
            if (now) {
                connected(c, true);
            }
        } catch (IOException e) {
            broken(c, "connect: " + e.getMessage());
        }
    }

    private void connected(Connection c, boolean sending) throws IOException {
        c.connected = true;
        connects++;
        c.key.interestOps(SelectionKey.OP_READ);
        if (sending) {
            send(c);
        }
    }

    private void send(Connection c) throws IOException {
        Request r = workload.next();
        if (r == null) {
            c.done = true;
            closeQuietly(c);
            return;
        }
        c.current = r;
        c.out = ByteBuffer.wrap(r.bytes());
        c.sentAt = System.nanoTime();
        c.channel.write(c.out);
        c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(Connection c, boolean sending) throws IOException {
        if (c.end == c.buf.length) {
            compact(c);
        }
        int n = c.channel.read(ByteBuffer.wrap(c.buf, c.end, c.buf.length - c.end));
        if (n < 0) {
            if (c.current != null && c.phase == Phase.UNTIL_CLOSE) {
                complete(c);
                closeQuietly(c);
                c.reconnectAt = System.nanoTime();
                return;
            }
            if (c.current == null) {
                // The server closed an idle keep-alive connection: not an error; open another.
                serverCloses++;
                closeQuietly(c);
                c.reconnectAt = System.nanoTime();
                return;
            }
            throw new IOException("the server closed the connection before the whole answer");
        }
        c.end += n;
        while (c.current != null && parse(c)) {
            boolean close = c.close;
            complete(c);
            if (close) {
                serverCloses++;
                closeQuietly(c);
                c.reconnectAt = System.nanoTime();
                return;
            }
            if (sending && !stopSending()) {
                send(c);
            }
        }
        if (c.current == null && c.end > c.start) {
            throw new IOException("the server sent " + (c.end - c.start) + " bytes nobody asked for");
        }
        if (c.start == c.end) {
            c.start = 0;
            c.end = 0;
        }
    }

    private boolean stopSending() {
        return System.nanoTime() >= windowEnd;
    }

    private void complete(Connection c) {
        long micros = (System.nanoTime() - c.sentAt) / 1000;
        Request r = c.current;
        c.current = null;
        if (counting) {
            Stats s = stats.get(r.kind());
            s.latency.record(micros);
            s.statuses[Math.min(Math.max(c.status, 0), 599)]++;
            long now = System.nanoTime();
            if (c.status >= 200 && c.status < 300 && now <= windowEnd) {
                s.okInWindow++;
                int second = (int) ((now - countFrom) / 1_000_000_000L);
                if (second >= 0 && second < okBySecond.length) {
                    okBySecond[second]++;
                }
            }
        }
        byte[] body = c.body.toByteArray();
        c.body.reset();
        c.phase = Phase.HEAD;
        workload.answered(r, c.status, body);
    }

    /** Parses what is buffered; true when a whole answer is in. */
    private boolean parse(Connection c) throws IOException {
        while (true) {
            switch (c.phase) {
                case HEAD -> {
                    int at = indexOf(c.buf, c.start, c.end, CRLF_CRLF);
                    if (at < 0) {
                        return false;
                    }
                    head(c, new String(c.buf, c.start, at - c.start, StandardCharsets.ISO_8859_1));
                    c.start = at + 4;
                    if (c.status >= 100 && c.status < 200) {
                        continue;
                    }
                    if (c.phase == Phase.HEAD) {
                        return true;
                    }
                }
                case BODY -> {
                    int take = (int) Math.min(c.remaining, c.end - c.start);
                    c.body.write(c.buf, c.start, take);
                    c.start += take;
                    c.remaining -= take;
                    if (c.remaining > 0) {
                        return false;
                    }
                    c.phase = Phase.HEAD;
                    return true;
                }
                case CHUNK_SIZE -> {
                    int at = indexOf(c.buf, c.start, c.end, new byte[] {'\r', '\n'});
                    if (at < 0) {
                        return false;
                    }
                    String size = new String(c.buf, c.start, at - c.start, StandardCharsets.ISO_8859_1);
                    int semicolon = size.indexOf(';');
                    c.remaining = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                    c.start = at + 2;
                    c.phase = c.remaining == 0 ? Phase.TRAILER : Phase.CHUNK_DATA;
                }
                case CHUNK_DATA -> {
                    int take = (int) Math.min(c.remaining, c.end - c.start);
                    c.body.write(c.buf, c.start, take);
                    c.start += take;
                    c.remaining -= take;
                    if (c.remaining > 0) {
                        return false;
                    }
                    c.phase = Phase.CHUNK_END;
                }
                case CHUNK_END -> {
                    if (c.end - c.start < 2) {
                        return false;
                    }
                    c.start += 2;
                    c.phase = Phase.CHUNK_SIZE;
                }
                case TRAILER -> {
                    int at = indexOf(c.buf, c.start, c.end, new byte[] {'\r', '\n'});
                    if (at < 0) {
                        return false;
                    }
                    boolean last = at == c.start;
                    c.start = at + 2;
                    if (last) {
                        c.phase = Phase.HEAD;
                        return true;
                    }
                }
                case UNTIL_CLOSE -> {
                    c.body.write(c.buf, c.start, c.end - c.start);
                    c.start = c.end;
                    return false;
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /** Reads the status line and the headers that frame the body; sets the phase the body is read in. */
    private void head(Connection c, String head) throws IOException {
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + lines[0]);
        }
        c.status = Integer.parseInt(statusLine[1]);
        long length = -1;
        boolean isChunked = false;
        boolean close = statusLine[0].equals("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> isChunked = value.endsWith("chunked");
                case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
                default -> {
                }
            }
        }
        c.close = close;
        c.body.reset();
        if (c.status < 200 || c.status == 204 || c.status == 304) {
            c.phase = Phase.HEAD;
        } else if (isChunked) {
            chunked++;
            c.phase = Phase.CHUNK_SIZE;
        } else if (length >= 0) {
            c.remaining = length;
            c.phase = length == 0 ? Phase.HEAD : Phase.BODY;
        } else {
            withoutLength++;
            c.close = true;
            c.phase = Phase.UNTIL_CLOSE;
        }
    }

    private void broken(Connection c, String why) {
        if (!c.connected && c.current == null) {
            connectFailures++;
        }
        Request r = c.current;
        c.current = null;
        closeQuietly(c);
        c.reconnectAt = System.nanoTime() + RECONNECT_DELAY_NANOS;
        if (r != null) {
            if (counting) {
                stats.get(r.kind()).transportErrors++;
            }
            workload.unanswered(r, why);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c.channel != null) {
            try {
                c.channel.close();
            } catch (IOException e) {
                // Closing a broken connection: nothing left to do.
            }
        }
        c.channel = null;
        c.key = null;
        c.connected = false;
        c.start = 0;
        c.end = 0;
        c.phase = Phase.HEAD;
        c.body.reset();
    }

    private static void compact(Connection c) {
        int live = c.end - c.start;
        if (c.start == 0) {
            byte[] bigger = new byte[c.buf.length * 2];
            System.arraycopy(c.buf, 0, bigger, 0, live);
            c.buf = bigger;
        } else {
            System.arraycopy(c.buf, c.start, c.buf, 0, live);
        }
        c.start = 0;
        c.end = live;
    }

    private static int indexOf(byte[] buf, int from, int to, byte[] needle) {
        outer : for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
