package io.tillgate.p3.client;

import java.util.UUID;

/** The request tag of a charge, refund or capture: the caller's, or a random UUID. */
final class RequestTags {

    private RequestTags() {
    }

    static String orRandom(String tag) {
        if (tag == null) {
            return UUID.randomUUID().toString();
        }
        if (tag.isEmpty()) {
            throw new IllegalArgumentException("tag must not be empty");
        }
        return tag;
    }
}
