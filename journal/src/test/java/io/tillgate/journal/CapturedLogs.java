package io.tillgate.journal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while open, with the named loggers turned up to a level for the time; closing
 * puts their levels back. Tests use it to check what a log line would show, before any layout.
 */
final class CapturedLogs implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> levelsBefore = new LinkedHashMap<>();

    private CapturedLogs(Level level, String... loggerNames) {
        for (String name : loggerNames) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levelsBefore.put(logger, logger.getLevel());
            logger.setLevel(level);
        }
        appender.start();
        root().addAppender(appender);
    }

    /** Captures every logger's events, with {@code loggerNames} logging from {@code level} up. */
    static CapturedLogs at(Level level, String... loggerNames) {
        return new CapturedLogs(level, loggerNames);
    }

    List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** Each event's formatted message, then the message of its exception, causes and suppressed ones. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent event : events()) {
            texts.add(event.getFormattedMessage());
            addThrowable(texts, event.getThrowableProxy());
        }
        return texts;
    }

    private static void addThrowable(List<String> texts, IThrowableProxy throwable) {
        if (throwable == null) {
            return;
        }
        texts.add(throwable.getClassName() + ": " + throwable.getMessage());
        for (IThrowableProxy suppressed : throwable.getSuppressed()) {
            addThrowable(texts, suppressed);
        }
        addThrowable(texts, throwable.getCause());
    }

    @Override
    public void close() {
        root().detachAppender(appender);
        appender.stop();
        levelsBefore.forEach(Logger::setLevel);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
