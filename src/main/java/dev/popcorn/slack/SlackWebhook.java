package dev.popcorn.slack;

import com.google.gson.Gson;
import dev.popcorn.app.Announcement;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.award.ChatWebhook;
import dev.popcorn.http.Connector;
import dev.popcorn.http.ConnectorException;
import dev.popcorn.http.HttpConnector;
import dev.popcorn.http.RetryAfter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Slack-compatible incoming webhook: one JSON message with the announcement as mrkdwn and the
 * winner card as an image block. The webhook URL is a secret and never appears in a message.
 * An answer says whether the message arrived; no answer in time means it may have, and such a
 * failure is not retried blindly.
 */
public final class SlackWebhook implements ChatWebhook {

    private static final Gson GSON = new Gson();
    private static final Pattern IMAGE = Pattern.compile("!\\[((?:\\\\.|[^\\]\\\\])*)\\]\\(((?:\\\\.|[^)\\\\])*)\\)");
    private static final Pattern LINK = Pattern
            .compile("(?<!\\\\)\\[((?:\\\\.|[^\\]\\\\])*)\\]\\(((?:\\\\.|[^)\\\\])*)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.*)$");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(\\p{Punct})");

    private final URI url;
    private final Duration timeout;
    private final Connector connector;
    private final Clock clock;

    public SlackWebhook(URI url, Duration timeout, Clock clock) {
        this(url, timeout, new HttpConnector(new HttpConnector.Settings("the chat webhook", timeout, 64 * 1024, true),
                Optional.empty(), clock), clock);
    }

    SlackWebhook(URI url, Duration timeout, Connector connector, Clock clock) {
        this.url = url;
        this.timeout = timeout;
        this.connector = connector;
        this.clock = clock;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void post(Announcement announcement) {
        byte[] body = GSON.toJson(message(announcement)).getBytes(StandardCharsets.UTF_8);
        Connector.Response response;
        try {
            response = connector.send(Connector.Request.of("POST", url, "application/json; charset=utf-8", body));
        } catch (ConnectorException e) {
            throw switch (e.failure()) {
                case TIMEOUT -> new DeliveryFailure("the chat webhook did not answer within " + timeout.toSeconds()
                        + " s; the message may have arrived", false, null, e);
                case UNREACHABLE ->
                    new DeliveryFailure("cannot reach the chat webhook: " + e.getCause().getMessage(), true, null, e);
                case INTERRUPTED -> new DeliveryFailure("interrupted", true, null, e);
                default -> new DeliveryFailure(e.getMessage() + "; the message may have arrived", false, null, e);
            };
        }
        int status = response.status();
        if (status / 100 == 2) {
            return;
        }
        String said = response.text().length() > 300 ? response.text().substring(0, 300) : response.text();
        if (status == 429) {
            Duration wait = RetryAfter.parse(response.header("Retry-After"), clock).orElse(null);
            throw new DeliveryFailure("the chat webhook asks to wait (429)", true, wait, null);
        }
        // Slack answers 4xx for a webhook that is gone or a message it refuses: a person must look.
        throw new DeliveryFailure("the chat webhook answered " + status + ": " + said, status >= 500, null, null);
    }

    /** The message: a fallback text, the announcement as mrkdwn sections, and the card. */
    static Map<String, Object> message(Announcement announcement) {
        String mrkdwn = mrkdwn(announcement.text());
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(
                Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(announcement.title(), 150))));
        for (String part : chunks(mrkdwn, 2900)) {
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", part)));
        }
        if (publiclyReachable(announcement.cardUrl())) {
            blocks.add(Map.of("type", "image", "image_url", announcement.cardUrl(), "alt_text", announcement.title()));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", slackEscape(announcement.title()) + " " + announcement.resultsUrl());
        message.put("blocks", blocks);
        return message;
    }

    /**
     * Markdown (as the templates write it, every user text backslash-escaped) to Slack's mrkdwn:
     * images left out (the card shows the photos), links as {@code <url|text>}, headings and bold
     * as bold, escapes undone and then {@code & < >} escaped the way Slack asks, so that no name
     * can mention a channel or forge a link.
     */
    static String mrkdwn(String markdown) {
        String text = IMAGE.matcher(markdown).replaceAll("");
        StringBuilder out = new StringBuilder();
        Matcher link = LINK.matcher(text);
        int last = 0;
        while (link.find()) {
            out.append(plain(text.substring(last, link.start())));
            out.append('<').append(unescape(link.group(2)).replace("|", "%7C").replace(">", "%3E"))
                    .append('|').append(slackEscape(unescape(link.group(1)))).append('>');
            last = link.end();
        }
        out.append(plain(text.substring(last)));
        return out.toString().replaceAll("(?m)[ \t]+$", "").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String plain(String markdown) {
        String text = HEADING.matcher(markdown).replaceAll("**$1**");
        text = slackEscape(unescape(text));
        return BOLD.matcher(text).replaceAll("*$1*");
    }

    private static String unescape(String text) {
        return ESCAPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    private static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Slack fetches the image itself: a card on localhost would make it refuse the whole message. */
    private static boolean publiclyReachable(String url) {
        String host = URI.create(url).getHost();
        return host != null && !host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]");
    }

    private static List<String> chunks(String text, int size) {
        List<String> parts = new ArrayList<>();
        for (String paragraph : text.split("\n\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (!parts.isEmpty() && parts.get(parts.size() - 1).length() + p.length() + 2 <= size) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "\n\n" + p);
            } else {
                parts.add(cut(p, size));
            }
        }
        return parts.isEmpty() ? List.of(" ") : parts;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
