package io.tillgate.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.tillgate.core.payment.CardDataMasker;

/**
 * Logback's {@code %msg} with card numbers masked: the last line of defence that keeps a full PAN
 * out of the log even if a caller formatted one into a message.
 */
public final class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return CardDataMasker.mask(super.convert(event));
    }
}
