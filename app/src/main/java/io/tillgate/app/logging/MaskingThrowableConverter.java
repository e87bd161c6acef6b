package io.tillgate.app.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.tillgate.core.payment.CardDataMasker;

/**
 * Logback's {@code %ex} with card numbers masked. A stack trace prints the message of the exception,
 * of each cause and of each suppressed exception, and any of them may quote a driver's or a
 * library's input: masking only {@code %msg} would leave a full PAN a way into the log.
 *
 * <p>Being a throwable converter, it also stops Logback from appending its own, unmasked {@code %ex}
 * to a pattern that has none: a pattern must therefore name this one, or the trace is lost.
 */
public final class MaskingThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return CardDataMasker.mask(super.convert(event));
    }
}
