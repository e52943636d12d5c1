package dev.popcorn.domain;

/** Checks on the free text that people type, shared by the records of the domain. */
public final class Text {

    private Text() {
    }

    /**
     * Requires a text of {@code min..max} characters after trimming; {@code field} names it in the error. Characters
     * are counted as the embedded database counts a column's length: UTF-16 units, so an emoji counts two (Chinese
     * characters count one, as in PostgreSQL).
     */
    public static String require(String text, String field, int min, int max) {
        int length = text == null ? 0 : text.strip().length();
        if (length < min) {
            throw RuleViolation.invalid("text.missing", field);
        }
        if (length > max) {
            throw RuleViolation.invalid("text.tooLong", field, max);
        }
        return text;
    }

    /** Optional text: null or blank becomes empty; otherwise at most {@code max} characters. */
    public static String optional(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return require(text.strip(), field, 1, max);
    }

    /** {@code text} stripped and cut to at most {@code max} characters (counted as {@link #require} does), ending in "…" when cut. */
    public static String cut(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(stripped.charAt(end))) {
            end--; // never half an emoji
        }
        return stripped.substring(0, end).strip() + "…";
    }
}
