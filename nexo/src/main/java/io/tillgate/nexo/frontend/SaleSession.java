package io.tillgate.nexo.frontend;

import io.tillgate.nexo.codec.SaleToPOIResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the terminal remembers about one POS (SaleID + POIID): whether it is logged in, in which
 * integration mode, and its transactions by ServiceID for Abort, TransactionStatus and Reversal.
 * History outlives a logout or a new login, so a POS can still recover a result after logging in
 * again; it is lost when the terminal restarts.
 */
final class SaleSession {

    /** One Payment or Reversal request and what became of it. */
    static final class Entry {
        final String serviceId;
        private volatile String transactionId;
        private volatile boolean abortRequested;
        private volatile SaleToPOIResponse finalResponse;

        Entry(String serviceId) {
            this.serviceId = serviceId;
        }

        String transactionId() {
            return transactionId;
        }

        void started(String id) {
            transactionId = id;
        }

        boolean abortRequested() {
            return abortRequested;
        }

        void requestAbort() {
            abortRequested = true;
        }

        /** The final answer, kept even when it could not be delivered (a dropped connection). */
        Optional<SaleToPOIResponse> finalResponse() {
            return Optional.ofNullable(finalResponse);
        }

        void settled(SaleToPOIResponse response) {
            finalResponse = response;
        }
    }

    /** TransactionStatus asks about recent requests; older ones are forgotten so memory stays bounded. */
    private static final int REMEMBERED = 64;

    private final Map<String, Entry> byServiceId = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile boolean loggedIn;
    private volatile boolean fullIntegration;
    private volatile long loginStamp;
    private volatile Entry last;

    synchronized void login(boolean full, long stamp) {
        loggedIn = true;
        fullIntegration = full;
        loginStamp = stamp;
    }

    void logout() {
        loggedIn = false;
    }

    boolean loggedIn() {
        return loggedIn;
    }

    boolean fullIntegration() {
        return fullIntegration;
    }

    long loginStamp() {
        return loginStamp;
    }

    synchronized Entry register(String serviceId) {
        Entry entry = new Entry(serviceId);
        byServiceId.put(serviceId, entry);
        last = entry;
        return entry;
    }

    synchronized Optional<Entry> find(String serviceId) {
        return serviceId == null ? Optional.ofNullable(last) : Optional.ofNullable(byServiceId.get(serviceId));
    }

    Optional<Entry> last() {
        return Optional.ofNullable(last);
    }
}
