package io.tillgate.app;

import io.tillgate.app.config.ConfigChanges;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * An applied configuration reload.
 *
 * @param generation the configuration's number: 1 as started, one more per applied reload
 * @param loadedAt when it was applied
 * @param changes what it changed, and what waits for a restart
 * @param settled completes once every change is in force: withdrawn terminals have finished their
 *     running transaction and are closed, replaced ones are back, front-ends are rebound; fails when
 *     one of them could not be applied (the log says which and why)
 */
public record Reload(long generation, Instant loadedAt, ConfigChanges changes, CompletableFuture<Void> settled) {
}
