package dev.popcorn.domain;

import java.util.Locale;

/** The two languages Popcorn's texts come in: Chinese for any Chinese reader, English for everyone else. */
public final class Languages {

    private Languages() {
    }

    public static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }
}
