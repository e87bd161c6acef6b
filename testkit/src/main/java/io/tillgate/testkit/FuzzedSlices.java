package io.tillgate.testkit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzed bytes cut into fuzzed reads, as TCP may deliver them: the slice lengths come first in the
 * input, then the bytes themselves, so the fuzzer mutates the cuts and the content independently.
 */
public final class FuzzedSlices {

    /** More reads than this add nothing a coarser cut does not already reach. */
    private static final int MAX_SLICES = 16;
    private static final int MAX_SLICE_LENGTH = 64;

    private FuzzedSlices() {
    }

    /** The rest of {@code data} in up to {@value #MAX_SLICES} reads; the last one takes what is left. */
    public static List<byte[]> cut(FuzzedDataProvider data) {
        int[] lengths = new int[data.consumeInt(1, MAX_SLICES) - 1];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = data.consumeInt(0, MAX_SLICE_LENGTH);
        }
        byte[] bytes = data.consumeRemainingAsBytes();
        List<byte[]> slices = new ArrayList<>(lengths.length + 1);
        int offset = 0;
        for (int length : lengths) {
            int end = Math.min(bytes.length, offset + length);
            slices.add(Arrays.copyOfRange(bytes, offset, end));
            offset = end;
        }
        slices.add(Arrays.copyOfRange(bytes, offset, bytes.length));
        return slices;
    }

    /** The slices back in one array. */
    public static byte[] joined(List<byte[]> slices) {
        byte[] joined = new byte[slices.stream().mapToInt(slice -> slice.length).sum()];
        int offset = 0;
        for (byte[] slice : slices) {
            System.arraycopy(slice, 0, joined, offset, slice.length);
            offset += slice.length;
        }
        return joined;
    }
}
