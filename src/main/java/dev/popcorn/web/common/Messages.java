package dev.popcorn.web.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of pages and messages in the two languages Popcorn speaks, English and Simplified
 * Chinese, from {@code i18n/messages*.properties}. There is no fallback to the machine's locale:
 * a page asked for in English is in English wherever the server runs.
 */
public final class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("-?[0-9]{1,18}");
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/messages", supported(locale), NO_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // Always through MessageFormat, so that every text writes an apostrophe the same way (''). Arguments kept
        // as text (a build notice's, in the database) count as numbers where they are whole numbers: plurals need them.
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            boolean counted = pattern.contains("{" + i + ",number") || pattern.contains("{" + i + ",choice");
            values[i] = counted && args[i] instanceof String text && WHOLE.matcher(text).matches() ? Long.valueOf(text)
                    : args[i];
        }
        return new MessageFormat(pattern, locale).format(values);
    }

    public static boolean has(String key) {
        return ResourceBundle.getBundle("i18n/messages", ENGLISH, NO_FALLBACK).containsKey(key);
    }

    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** The language tag used in URLs, cookies and {@code <html lang>}. */
    public static String tag(Locale locale) {
        return supported(locale) == CHINESE ? "zh-CN" : "en";
    }

    /** Picks the language from an explicit choice, else from the browser's Accept-Language. */
    public static Locale choose(String explicit, String acceptLanguage) {
        if (explicit != null && !explicit.isBlank()) {
            return supported(Locale.forLanguageTag(explicit));
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String lang = range.getRange().split("-")[0];
                    if ("zh".equals(lang)) {
                        return CHINESE;
                    }
                    if ("en".equals(lang)) {
                        return ENGLISH;
                    }
                }
            } catch (IllegalArgumentException e) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }
}
