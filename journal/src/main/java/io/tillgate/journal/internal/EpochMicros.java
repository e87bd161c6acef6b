package io.tillgate.journal.internal;

import java.time.Instant;

/**
 * Instants as epoch microseconds, the journal's time columns: one integer type on both databases,
 * PostgreSQL's timestamp precision, and what {@code Clock.systemUTC()} gives on Linux, so a record
 * read back equals the one written. Finer digits are truncated.
 */
final class EpochMicros {

    private static final long PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;

    private EpochMicros() {
    }

    static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND),
                instant.getNano() / NANOS_PER_MICRO);
    }

    /** The first microsecond at or after {@code instant}, for "at or after" bounds. */
    static long ceiling(Instant instant) {
        long micros = of(instant);
        return instant.getNano() % NANOS_PER_MICRO == 0 ? micros : micros + 1;
    }

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND),
                Math.floorMod(micros, PER_SECOND) * NANOS_PER_MICRO);
    }
}
