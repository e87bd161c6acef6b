package io.tillgate.core.service;

import java.util.Objects;

/** How a POS names a transaction it wants to know about. */
public sealed interface TransactionLookup {

    /** By gateway id. */
    record ById(String id) implements TransactionLookup {
        public ById {
            Objects.requireNonNull(id, "id");
        }
    }

    /** By the POS's own reference (P3 customIdentifier). */
    record ByReference(String reference) implements TransactionLookup {
        public ByReference {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** By the protocol's request id (P3 tag of the original request). */
    record ByRequestReference(String protocol, String requestReference) implements TransactionLookup {
        public ByRequestReference {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(requestReference, "requestReference");
        }
    }
}
