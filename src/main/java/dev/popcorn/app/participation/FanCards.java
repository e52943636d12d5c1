package dev.popcorn.app.participation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A fan's card worth sharing (issue 16, in the spirit of 2011's "我是手机控"): what it shows comes
 * from a {@link Source} (nothing for a user Popcorn does not know or who stays off public pages),
 * a {@link Painter} draws it, and it is known by a fingerprint of what it shows, so a card is drawn
 * again only when something on it changed and a browser or chat preview can keep it until then.
 */
public final class FanCards {

    /** The two sizes of the card. */
    public enum Format {
        /** 1200 × 630: what a link preview (og:image, twitter:card) shows. */
        WIDE(1200, 630),
        /** 1080 × 1920: a phone's story. */
        STORY(1080, 1920);

        private final int width;
        private final int height;

        Format(int width, int height) {
            this.width = width;
            this.height = height;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        /** Its name in addresses: {@code wide}, {@code story}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format of an address's {@code format=} value (null: the wide one); empty when it names none. */
        public static Optional<Format> of(String tag) {
            if (tag == null) {
                return Optional.of(WIDE);
            }
            for (Format format : values()) {
                if (format.tag().equals(tag)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * What a card shows, already in the card's language: the fan's display name (their own words:
     * drawn as text, cut when long), their level's name, their streak in releases, the builds
     * (releases) they tested, the wishes of theirs that shipped, up to three badges' names, best
     * first, and the language the card is in. Never refuses a value: nulls become empty, negative
     * counts zero.
     */
    public record Facts(String name, String level, int streak, int buildsTested, int wishesShipped, List<String> badges,
            Locale locale) {

        /** The most badges a card shows. */
        public static final int MAX_BADGES = 3;

        public Facts {
            name = name == null ? "" : name;
            level = level == null ? "" : level;
            streak = Math.max(0, streak);
            buildsTested = Math.max(0, buildsTested);
            wishesShipped = Math.max(0, wishesShipped);
            badges = badges == null ? List.of()
                    : badges.stream().filter(Objects::nonNull).filter(b -> !b.isBlank()).limit(MAX_BADGES).toList();
            locale = locale == null ? Locale.ENGLISH : locale;
        }

        /** Whether the card is in Chinese (else English). */
        public boolean chinese() {
            return "zh".equals(locale.getLanguage());
        }
    }

    /**
     * Where the facts come from: empty when Popcorn does not know the user, or they chose to stay
     * off public pages. Names (level, badges) in the language of {@code locale}.
     */
    @FunctionalInterface
    public interface Source {
        Optional<Facts> facts(String userId, Locale locale);
    }

    /** Draws a card as a PNG of exactly the format's size; the same facts give the same picture. */
    public interface Painter {
        byte[] png(Facts facts, Format format);

        /** The card if it was drawn before and is still kept: a popular card costs nothing. */
        default Optional<byte[]> kept(Facts facts, Format format) {
            return Optional.empty();
        }

        /** Changes when the drawing does, so that cards kept by browsers under the old fingerprint are drawn again. */
        String version();
    }

    private final Source source;
    private final Painter painter;
    private final Supplier<String> baseUrl;

    public FanCards(Source source, Painter painter, Supplier<String> baseUrl) {
        this.source = source;
        this.painter = painter;
        this.baseUrl = baseUrl;
    }

    /** What the user's card shows in {@code locale}; empty for an unknown user or one who stays off public pages. */
    public Optional<Facts> facts(String userId, Locale locale) {
        if (userId == null || userId.isBlank() || userId.length() > 120) {
            return Optional.empty();
        }
        return source.facts(userId, locale);
    }

    /** The card as a PNG. */
    public byte[] png(Facts facts, Format format) {
        return painter.png(facts, format);
    }

    /** The card as a PNG if it is drawn already (no drawing needed to answer). */
    public Optional<byte[]> kept(Facts facts, Format format) {
        return painter.kept(facts, format);
    }

    /**
     * The fingerprint of the card in {@code format}: it changes exactly when something on the card
     * (or the way it is drawn) does; an HTTP entity tag.
     */
    public String fingerprint(Facts facts, Format format) {
        StringBuilder text = new StringBuilder();
        for (Object part : List.of(painter.version(), format.name(), facts.locale().toLanguageTag(), facts.name(),
                facts.level(), facts.streak(), facts.buildsTested(), facts.wishesShipped(), facts.badges().size())) {
            field(text, String.valueOf(part));
        }
        facts.badges().forEach(badge -> field(text, badge));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The public address of the user's share page, in {@code locale}'s language. */
    public String shareUrl(String userId, Locale locale) {
        return baseUrl.get() + "/fans/" + encode(userId) + "/share?lang=" + tag(locale);
    }

    /** The public address of the user's card in {@code format} and {@code locale}'s language. */
    public String cardUrl(String userId, Format format, Locale locale) {
        return baseUrl.get() + cardPath(userId, format, locale);
    }

    /** The card's address on this server (its path and query). */
    public String cardPath(String userId, Format format, Locale locale) {
        return "/fans/" + encode(userId) + "/card.png?format=" + format.tag() + "&lang=" + tag(locale);
    }

    /** Length-prefixed, so that no two different cards share a text ("ab","c" and "a","bc"). */
    private static void field(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value).append(';');
    }

    private static String tag(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
