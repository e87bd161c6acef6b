package io.tillgate.p3.codec;

/** Optional extra steps of an execute request ({@code processParameters}, docs/protocols/p3.md §3.2). */
public record ProcessParameters(ProcessSteps steps) {
}
