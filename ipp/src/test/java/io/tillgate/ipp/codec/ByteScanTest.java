package io.tillgate.ipp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The word-at-a-time scans answer exactly what a byte-by-byte loop answers, wherever the byte is. */
class ByteScanTest {

    @Property(tries = 3000)
    void firstNonPrintableIsTheFirstByteOutside0x20To0x7E(@ForAll("mostlyPrintable") byte[] bytes,
            @ForAll("cut") int from, @ForAll("cut") int end) {
        int start = Math.min(from % (bytes.length + 1), end % (bytes.length + 1));
        int stop = Math.max(from % (bytes.length + 1), end % (bytes.length + 1));
        int expected = stop;
        for (int i = start; i < stop; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7E) {
                expected = i;
                break;
            }
        }
        assertThat(ByteScan.firstNonPrintable(bytes, start, stop)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void indexOfIsTheFirstOccurrence(@ForAll("mostlyPrintable") byte[] bytes, @ForAll("cut") int from,
            @ForAll byte target) {
        int start = from % (bytes.length + 1);
        int expected = bytes.length;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == target) {
                expected = i;
                break;
            }
        }
        assertThat(ByteScan.indexOf(bytes, target, start, bytes.length)).isEqualTo(expected);
    }

    @Test
    void everyByteValueIsClassifiedInEveryPositionOfAWord() {
        for (int value = 0; value < 256; value++) {
            for (int at = 0; at < 16; at++) {
                byte[] bytes = "ABCDEFGHIJKLMNOP".getBytes(StandardCharsets.US_ASCII);
                bytes[at] = (byte) value;
                boolean printable = value >= 0x20 && value <= 0x7E;
                assertThat(ByteScan.firstNonPrintable(bytes, 0, bytes.length))
                        .as("byte 0x%02X at %d", value, at).isEqualTo(printable ? bytes.length : at);
                assertThat(ByteScan.indexOf(bytes, (byte) value, 0, bytes.length))
                        .as("byte 0x%02X at %d", value, at).isEqualTo(value >= 'A' && value <= 'P'
                                ? Math.min(at, value - 'A') : at);
            }
        }
    }

    /** Printable text with a sprinkling of control, DEL and high bytes, so borrows and carries meet. */
    @Provide
    Arbitrary<byte[]> mostlyPrintable() {
        Arbitrary<Byte> printable = Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, printable), net.jqwik.api.Tuple.of(1, any))
                .array(byte[].class).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Integer> cut() {
        return Arbitraries.integers().between(0, 40);
    }
}
