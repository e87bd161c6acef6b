package io.tillgate.app.config;

/** A configuration problem, naming the key and what is wrong with it. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String key, String problem) {
        super("config key '" + key + "': " + problem);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
