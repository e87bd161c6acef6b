package io.tillgate.ipp.frontend.internal;

import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppProperties;
import io.tillgate.ipp.codec.IppStatus;

/**
 * The transaction the emulated terminal ran last, as GET_STATUS reports it.
 *
 * @param sid the SID it ran under
 * @param method its METHOD
 * @param record the gateway's record of it
 * @param status its STAGE 5 STATUS, or {@code null} when its outcome is UNKNOWN (no STAGE 5 was sent)
 * @param fields its STAGE 5 transaction data
 * @param completed whether COMPLETE_TX confirmed it, or none was due
 */
record LastTransaction(String sid, IppMethod method, TransactionRecord record, IppStatus status,
        IppProperties fields, boolean completed) {

    LastTransaction completedNow() {
        return new LastTransaction(sid, method, record, status, fields, true);
    }
}
