package dev.popcorn.domain.feedback;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two short texts are, from 0 (nothing shared) to 1 (the same words), so that a new
 * wish can be matched against existing wishes and tickets before it is filed. Latin text is
 * compared by words folded crudely to a stem (calls, recording, recorded → call, record; a few
 * words fans use for the same thing, such as theme and mode, as one), Chinese and Japanese text
 * by pairs of characters, since it has no spaces; the score is the Dice coefficient of the two sets.
 */
public final class Similarity {

    /** Scores at or above this are offered to the user as "is it one of these?". */
    public static final double MATCH = 0.3;

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "to", "of", "in", "on", "for", "and", "or",
            "is", "it", "be", "i", "we", "my", "me", "please", "want", "would", "like", "should", "can", "could",
            "with");

    /** Words fans use for the same thing, as one. */
    private static final java.util.Map<String, String> SAME = java.util.Map.of("theme", "mode", "themes", "mode",
            "colour", "color", "colours", "color", "pic", "photo", "pics", "photo", "picture", "photo", "pictures",
            "photo");

    private Similarity() {
    }

    public static double score(String a, String b) {
        Set<String> left = tokens(a);
        Set<String> right = tokens(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(left);
        shared.retainAll(right);
        return 2.0 * shared.size() / (left.size() + right.size());
    }

    static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        String normal = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        int previousIdeograph = -1;
        for (int i = 0; i < normal.length();) {
            int c = normal.codePointAt(i);
            i += Character.charCount(c);
            if (isIdeograph(c)) {
                addWord(tokens, word);
                if (previousIdeograph >= 0) {
                    tokens.add(new String(new int[] {previousIdeograph, c}, 0, 2));
                } else {
                    tokens.add(new String(Character.toChars(c)));
                }
                previousIdeograph = c;
            } else {
                previousIdeograph = -1;
                if (Character.isLetterOrDigit(c)) {
                    word.appendCodePoint(c);
                } else {
                    addWord(tokens, word);
                }
            }
        }
        addWord(tokens, word);
        return tokens;
    }

    private static void addWord(Set<String> tokens, StringBuilder word) {
        String w = word.toString();
        word.setLength(0);
        if (w.length() < 2 || STOP_WORDS.contains(w)) {
            return;
        }
        tokens.add(stem(SAME.getOrDefault(w, w)));
    }

    /** A crude English stem, the same for both sides: plural s, -ing, -ed and a final e dropped. */
    static String stem(String word) {
        String w = word;
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static boolean isIdeograph(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
