package dev.popcorn.config;

/**
 * One configuration key: its name, its default ("" for none), what it means (the README's table
 * says the same), and whether its value is a secret that no message or log may show.
 */
public record Key(String name, String defaultValue, String meaning, boolean secret) {

    public static Key of(String name, String defaultValue, String meaning) {
        return new Key(name, defaultValue, meaning, false);
    }

    public static Key secret(String name, String defaultValue, String meaning) {
        return new Key(name, defaultValue, meaning, true);
    }
}
