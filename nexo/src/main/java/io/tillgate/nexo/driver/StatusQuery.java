package io.tillgate.nexo.driver;

import io.tillgate.core.money.Money;
import io.tillgate.nexo.codec.MessageCategory;

/**
 * What a TransactionStatus asks about, and until when it may keep asking: after a lost answer the
 * request's ServiceID is known, after a restart only the transaction itself is.
 *
 * @param serviceId the lost request's ServiceID, or {@code null} after a restart: then the
 *     terminal repeats its last answer, and only its SaleData can say whose it is
 */
record StatusQuery(MessageCategory category, String serviceId, String transactionId, String reference,
        Money requested, long deadlineNanos) {
}
