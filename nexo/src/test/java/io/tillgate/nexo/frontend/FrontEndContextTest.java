package io.tillgate.nexo.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class FrontEndContextTest {

    @Test
    void keepsTheSessionsOfTheMostRecentlyActivePosSystemsOnly() {
        FrontEndContext context = new FrontEndContext(NexoFrontEndConfig.defaults("demo", "sim1"), null, null, null,
                null, Clock.systemUTC());
        SaleSession first = context.session("POS-0", "sim1");
        for (int i = 1; i <= FrontEndContext.MAX_SESSIONS; i++) {
            context.session("POS-" + i, "sim1");
            if (i == FrontEndContext.MAX_SESSIONS / 2) {
                assertThat(context.session("POS-0", "sim1")).as("active again").isSameAs(first);
            }
        }
        assertThat(context.existing("POS-0", "sim1")).as("used half-way, so not the eldest").containsSame(first);
        assertThat(context.existing("POS-1", "sim1")).as("the least recently active").isEmpty();
        assertThat(context.sessions()).hasSize(FrontEndContext.MAX_SESSIONS);
    }
}
