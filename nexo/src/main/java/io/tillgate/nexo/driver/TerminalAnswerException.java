package io.tillgate.nexo.driver;

/** The terminal answered, but not with what the request calls for (HTTP status, body category). */
final class TerminalAnswerException extends RuntimeException {

    TerminalAnswerException(String message) {
        super(message, null, false, false);
    }
}
