package dev.popcorn.domain.feedback;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small sketch of a report's comments, to tell a copy from a report of one's own even when the copy was
 * touched up: a word added or dropped, case and punctuation changed, the comments moved between features.
 * The comments are cut into shingles (three words in a row; in Chinese, Japanese and Korean three characters,
 * which carry a word's worth), each shingle is hashed, and the {@link #MARKS} smallest hashes are the sketch
 * (a bottom-k MinHash). Two sketches sharing at least {@link #SHARED_PERCENT} % of their marks come from
 * comments that share about as much of their shingles: a near copy. The sketch is a short text (marks of
 * seven hex digits, comma separated) that fits where the exact fingerprint used to.
 */
public final class CommentSketch {

    /** Marks kept per report. */
    public static final int MARKS = 8;
    /** The share of marks two sketches must have in common to be a near copy. */
    public static final int SHARED_PERCENT = 60;
    /** Comments shorter than this (together, in characters) are too common to call a copy ("good", "more please"). */
    public static final int MIN_LENGTH = 40;
    private static final int SHINGLE = 3;
    private static final int HEX_DIGITS = 7;

    private CommentSketch() {
    }

    /** The sketch of these comments; null when they are too short to tell a copy from a common remark. */
    public static String of(Collection<String> comments) {
        int length = 0;
        Set<String> shingles = new HashSet<>();
        for (String comment : comments) {
            List<String> tokens = tokens(comment);
            length += tokens.stream().mapToInt(t -> t.codePointCount(0, t.length())).sum()
                    + Math.max(0, tokens.size() - 1);
            if (tokens.size() < SHINGLE) {
                if (!tokens.isEmpty()) {
                    shingles.add(String.join(" ", tokens));
                }
                continue;
            }
            for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
                shingles.add(String.join(" ", tokens.subList(i, i + SHINGLE)));
            }
        }
        if (length < MIN_LENGTH) {
            return null;
        }
        TreeSet<Long> smallest = new TreeSet<>();
        for (String shingle : shingles) {
            smallest.add(hash(shingle));
            if (smallest.size() > MARKS) {
                smallest.pollLast();
            }
        }
        List<String> marks = new ArrayList<>();
        for (long value : smallest) {
            marks.add(String.format(Locale.ROOT, "%0" + HEX_DIGITS + "x", value));
        }
        return String.join(",", marks);
    }

    /** The marks of a sketch (none for null or an exact fingerprint of the kind kept before sketches). */
    public static Set<String> marks(String sketch) {
        if (sketch == null || sketch.isEmpty() || !sketch.matches("[0-9a-f]{7}(,[0-9a-f]{7})*")) {
            return Set.of();
        }
        return new HashSet<>(Arrays.asList(sketch.split(",")));
    }

    /** How many marks a sketch of {@code marks} marks must share with another to be a near copy of it. */
    public static int needed(int marks) {
        return Math.max(1, (marks * SHARED_PERCENT + 99) / 100);
    }

    /** Whether two sketches are of near copies: they share enough marks, counted against the smaller. */
    public static boolean near(String a, String b) {
        Set<String> first = marks(a);
        Set<String> second = marks(b);
        if (first.isEmpty() || second.isEmpty()) {
            return false;
        }
        int shared = 0;
        for (String mark : first) {
            shared += second.contains(mark) ? 1 : 0;
        }
        return shared >= needed(Math.min(first.size(), second.size()));
    }

    /** Words of a comment, lower case, without punctuation; each Han, kana or Hangul character a word of its own. */
    static List<String> tokens(String comment) {
        List<String> tokens = new ArrayList<>();
        String text = Normalizer.normalize(comment == null ? "" : comment, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) && !ideographic(c)) {
                word.appendCodePoint(c);
                return;
            }
            if (word.length() > 0) {
                tokens.add(word.toString());
                word.setLength(0);
            }
            if (ideographic(c)) {
                tokens.add(new String(Character.toChars(c)));
            }
        });
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private static boolean ideographic(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** A 28-bit hash of the shingle (FNV-1a, then mixed), the same on every machine and every run. */
    private static long hash(String shingle) {
        long h = 0xcbf29ce484222325L;
        for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h >>> (64 - 4 * HEX_DIGITS);
    }
}
