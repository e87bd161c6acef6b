package io.tillgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenFileLimitTest {

    private static final String HEADER = "Limit                     Soft Limit           Hard Limit           Units     ";

    @Test
    void readsTheOpenFilesRowOfProcLimits() {
        assertThat(OpenFileLimit.parse(List.of(HEADER,
                "Max processes             95000                95000                processes ",
                "Max open files            1024                 20000                files     ")))
                .contains(new OpenFileLimit(1024, 20000));
        assertThat(OpenFileLimit.parse(List.of(HEADER, "Max open files            unlimited            unlimited            files")))
                .contains(new OpenFileLimit(Long.MAX_VALUE, Long.MAX_VALUE));
        assertThat(OpenFileLimit.parse(List.of(HEADER))).isEmpty();
        assertThat(OpenFileLimit.parse(List.of("Max open files            many                 more"))).isEmpty();
    }

    @Test
    void thisJvmRunsWithItsHardLimitOnLinux() {
        // HotSpot raises the soft limit to the hard one at start-up (-XX:+MaxFDLimit, the default on Linux).
        Optional<OpenFileLimit> limit = OpenFileLimit.ofThisProcess();
        if (System.getProperty("os.name").equals("Linux")) {
            assertThat(limit).hasValueSatisfying(l -> assertThat(l.soft()).isEqualTo(l.hard()));
        }
    }

    @Test
    void enoughFilesIsNoWarning() {
        assertThat(new OpenFileLimit(65_536, 65_536).shortfall(30_256)).isEmpty();
    }

    @Test
    void aHardLimitBelowTheListenersSaysHowToRaiseItOrLowerTheConnections() {
        assertThat(new OpenFileLimit(20_000, 20_000).shortfall(30_256)).hasValueSatisfying(text -> assertThat(text)
                .contains("open-file limit is 20000", "may hold 30000 connections", "LimitNOFILE",
                        "gateway.limits.maxConnections"));
    }

    @Test
    void aSoftLimitBelowTheHardOneSaysToUseTheHardOne() {
        assertThat(new OpenFileLimit(1024, 20_000).shortfall(10_256)).hasValueSatisfying(text -> assertThat(text)
                .contains("open-file limit is 1024", "ulimit -n 20000", "MaxFDLimit"));
    }
}
