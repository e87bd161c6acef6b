package io.tillgate.admin;

/** The gateway's metrics in a scraper's format, served at {@code /metrics}. */
public interface MetricsSource {

    /** The content type of {@link #scrape()}, e.g. Prometheus' text format 0.0.4. */
    String contentType();

    /** Every metric now. Cheap enough for every scrape; never blocks on I/O. */
    String scrape();
}
