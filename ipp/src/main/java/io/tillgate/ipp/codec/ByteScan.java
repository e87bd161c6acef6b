package io.tillgate.ipp.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads and finds bytes in a frame eight at a time. Each word is read little-endian, so the lowest
 * flagged byte of a word is the first such byte in the array: the borrows and carries of the word
 * arithmetic below only run upwards, and only out of a byte that is itself flagged.
 */
final class ByteScan {

    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private ByteScan() {
    }

    /** The index of the first byte in {@code [from, end)} outside printable ASCII 0x20..0x7E, or {@code end}. */
    static int firstNonPrintable(byte[] bytes, int from, int end) {
        int i = from;
        for (; i <= end - Long.BYTES; i += Long.BYTES) {
            long word = (long) WORD.get(bytes, i);
            long below = (word - 0x20 * ONES) & ~word & HIGH_BITS;
            long above = ((word + ONES) | word) & HIGH_BITS;
            if ((below | above) != 0) {
                return i + (Long.numberOfTrailingZeros(below | above) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7E) {
                return i;
            }
        }
        return end;
    }

    /** The index of the first {@code target} byte in {@code [from, end)}, or {@code end}. */
    static int indexOf(byte[] bytes, byte target, int from, int end) {
        long pattern = (target & 0xFFL) * ONES;
        int i = from;
        for (; i <= end - Long.BYTES; i += Long.BYTES) {
            long word = (long) WORD.get(bytes, i) ^ pattern;
            long zero = (word - ONES) & ~word & HIGH_BITS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return end;
    }

    /** The eight bytes at {@code at}, the first in the lowest byte of the word. */
    static long word(byte[] bytes, int at) {
        return (long) WORD.get(bytes, at);
    }

    /** The first {@code min(length, 8)} bytes at {@code at} as {@link #word} reads them, the rest zero. */
    static long leadingWord(byte[] bytes, int at, int length) {
        if (length >= Long.BYTES) {
            return word(bytes, at);
        }
        if (at + Long.BYTES <= bytes.length) {
            return word(bytes, at) & ((1L << (length * Byte.SIZE)) - 1);
        }
        long word = 0;
        for (int i = length - 1; i >= 0; i--) {
            word = word << Byte.SIZE | (bytes[at + i] & 0xFF);
        }
        return word;
    }
}
