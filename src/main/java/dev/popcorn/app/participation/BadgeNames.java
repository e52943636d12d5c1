package dev.popcorn.app.participation;

import dev.popcorn.domain.participation.Badge;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A badge's name in the reader's language ("Silver · Reporter" / "银牌·报告达人"), from the texts every page uses
 * ({@code i18n/messages*.properties}: {@code badge.<BADGE>}, {@code badge.tier.<TIER>}, {@code badge.named}), so that the
 * pages, the API, the forum's messages and the fan's card name a badge the same way. Chinese for a Chinese reader,
 * English for everyone else; no fallback to the machine's language.
 */
public final class BadgeNames {

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private BadgeNames() {
    }

    /** The badge and its tier, named in {@code locale}. */
    public static String of(Badge.Earned badge, Locale locale) {
        Locale language = locale != null && "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE
                : Locale.ENGLISH;
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/messages", language, NO_FALLBACK);
        return text(bundle, language, "badge.named", text(bundle, language, "badge." + badge.badge().name()),
                text(bundle, language, "badge.tier." + badge.tier().name()));
    }

    private static String text(ResourceBundle bundle, Locale language, String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), language).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
