package io.tillgate.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyLeakGuardTest {

    @BeforeEach
    void startClean() throws InterruptedException {
        NettyLeakGuard.assertNoLeaks("the tests before this one");
    }

    @Test
    void aBufferCollectedWithoutReleaseFailsNamingWhereItWasTouched() {
        leakOnePooledBuffer();

        assertThatThrownBy(() -> NettyLeakGuard.assertNoLeaks("the leaking test"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 Netty resource(s) leaked by the end of the leaking test")
                .hasMessageContaining("ByteBuf was garbage-collected without release()")
                .hasMessageContaining("leakOnePooledBuffer");
    }

    @Test
    void releasedBuffersPass() {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(64);
        buffer.writeLong(42);
        buffer.release();

        assertThatCode(() -> NettyLeakGuard.assertNoLeaks("the releasing test")).doesNotThrowAnyException();
    }

    /** Drops the only reference, as a handler that forgets to release a message does. */
    private static void leakOnePooledBuffer() {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(64);
        buffer.writeLong(42);
        buffer.readLong();
    }
}
