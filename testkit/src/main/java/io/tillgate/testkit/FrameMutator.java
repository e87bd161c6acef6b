package io.tillgate.testkit;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * Damaged copies of valid frames, as a broken or hostile peer sends them: bytes changed, inserted,
 * deleted, repeated or cut off, one to three damages per copy. Seeded, so a failing case can be
 * replayed from the seed the test prints.
 */
public final class FrameMutator {

    private static final int MAX_INSERT = 64;

    private final Random random;

    public FrameMutator(long seed) {
        this.random = new Random(seed);
    }

    /** A copy of {@code valid} with one to three damages. */
    public byte[] mutate(byte[] valid) {
        byte[] frame = valid.clone();
        int damages = 1 + random.nextInt(3);
        for (int i = 0; i < damages; i++) {
            frame = damage(frame);
        }
        return frame;
    }

    /** Up to {@code maxLength} random bytes, any value. */
    public byte[] noise(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Picks one of {@code choices}, for tests that damage several kinds of frame. */
    public byte[] pick(byte[][] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private byte[] damage(byte[] frame) {
        if (frame.length == 0) {
            return noise(MAX_INSERT);
        }
        int at = random.nextInt(frame.length);
        return switch (random.nextInt(6)) {
            case 0 -> flipBit(frame, at);
            case 1 -> replaceByte(frame, at);
            case 2 -> insert(frame, at, noise(MAX_INSERT));
            case 3 -> delete(frame, at, 1 + random.nextInt(Math.min(32, frame.length - at)));
            case 4 -> Arrays.copyOf(frame, at);
            default -> repeat(frame, at, 1 + random.nextInt(Math.min(64, frame.length - at)));
        };
    }

    private byte[] flipBit(byte[] frame, int at) {
        frame[at] ^= (byte) (1 << random.nextInt(8));
        return frame;
    }

    private byte[] replaceByte(byte[] frame, int at) {
        frame[at] = (byte) random.nextInt(256);
        return frame;
    }

    private static byte[] insert(byte[] frame, int at, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length + bytes.length);
        out.write(frame, 0, at);
        out.writeBytes(bytes);
        out.write(frame, at, frame.length - at);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] frame, int at, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length);
        out.write(frame, 0, at);
        out.write(frame, at + length, frame.length - at - length);
        return out.toByteArray();
    }

    private static byte[] repeat(byte[] frame, int at, int length) {
        return insert(frame, at + length, Arrays.copyOfRange(frame, at, at + length));
    }
}
