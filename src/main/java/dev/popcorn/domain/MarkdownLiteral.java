package dev.popcorn.domain;

/**
 * Any text made literal in the forum's Markdown, wherever Popcorn writes for the forum (the announcement's
 * templates, private messages): it can neither format the text nor mention anyone.
 */
public final class MarkdownLiteral {

    private MarkdownLiteral() {
    }

    /**
     * Makes any text literal in Markdown: ASCII punctuation gets a backslash (CommonMark reads it
     * back as the character itself, also inside link destinations) and line breaks become spaces,
     * so that no value can open a block, a link, an image, an emphasis or HTML. Two marks are left as
     * they are where they cannot mean anything, so that the source reads as written ("2026-12-04",
     * "Wi-Fi", "2026.12.04", issue 28): a hyphen between two letters or digits, and a full stop between
     * two digits (no list, rule or heading starts mid-word, and a number is not a link). An {@code @} is
     * followed by a zero-width space, so that the forum neither mentions nor notifies anyone.
     */
    public static String of(String text) {
        int[] cs = text.codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < cs.length; i++) {
            int c = cs[i];
            int before = i > 0 ? cs[i - 1] : ' ';
            int after = i + 1 < cs.length ? cs[i + 1] : ' ';
            if (c == '\r' || c == '\n' || c == '\t') {
                out.append(' ');
            } else if (c < 0x20 || c == 0x7f) {
                // Control characters have no business in a forum text.
            } else if (c == '@') {
                out.append("@\u200B");
            } else if (c == '-' && Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after)
                    || c == '.' && Character.isDigit(before) && Character.isDigit(after)) {
                out.appendCodePoint(c);
            } else if ("\\`*_{}[]()<>#+-.!|~&:\"'=".indexOf(c) >= 0) {
                out.append('\\').appendCodePoint(c);
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
