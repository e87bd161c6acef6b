package io.tillgate.p3.client;

/**
 * The {@code providerMode} of a login (docs/protocols/p3.md §5.1): which processing environment the server uses
 * for this merchant. {@link #TEST} is the default of {@link PayClient#login(String, String)}.
 */
public enum ProviderMode {
    MOCK,
    JUNGLE,
    TEST,
    TEST_FIXED,
    LIVE,
    LIVE_FIXED
}
