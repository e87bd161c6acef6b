package io.tillgate.app.config;

/** A configuration problem, naming the key and what is wrong with it. */
public final class ConfigException extends RuntimeException {

    private final String key;
    private final String problem;

    public ConfigException(String key, String problem) {
        super("config key '" + key + "': " + problem);
        this.key = key;
        this.problem = problem;
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.key = null;
        this.problem = message;
    }

    /** The key at fault (or the command-line option, for settings built from options), or {@code null}. */
    public String key() {
        return key;
    }

    /** What is wrong, without the key. */
    public String problem() {
        return problem;
    }
}
