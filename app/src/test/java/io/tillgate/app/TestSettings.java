package io.tillgate.app;

import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.core.simulated.SimulatedTiming;
import java.nio.file.Path;

/** The embedded default made fit for tests: any free ports, fast terminals, a journal of its own. */
public final class TestSettings {

    private TestSettings() {
    }

    public static GatewaySettings fastDefault(Path journalDir) {
        return ConfigLoader.loadDefault().withP3Ports(0, 0).withAdminPort(0).withTiming(SimulatedTiming.FAST)
                .withJournal(sqlite(journalDir));
    }

    public static GatewaySettings.JournalSpec sqlite(Path journalDir) {
        return new GatewaySettings.JournalSpec("jdbc:sqlite:" + journalDir.resolve("journal.db"), null, null);
    }
}
