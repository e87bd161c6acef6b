package io.tillgate.ipp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The decoder's name lookup finds exactly the known names, wherever they sit in a frame. */
class IppNamesTest {

    @Test
    void everyKnownNameIsFoundInTheMiddleAndAtTheVeryEndOfAFrame() {
        for (int i = 0; i < IppNames.KNOWN.size(); i++) {
            String name = IppNames.KNOWN.get(i);
            byte[] middle = ("XY" + name + "=1\r\nSOME_MORE=2\r\n").getBytes(StandardCharsets.US_ASCII);
            assertThat(IppNames.index(middle, 2, name.length())).as(name).isEqualTo(i);
            // The last bytes of an array cannot be read as a whole word: the short path must agree.
            byte[] end = ("=" + name).getBytes(StandardCharsets.US_ASCII);
            assertThat(IppNames.index(end, 1, name.length())).as(name + " at the end").isEqualTo(i);
        }
    }

    @Test
    void namesThatDifferInOneByteOrInLengthAreUnknown() {
        for (String name : IppNames.KNOWN) {
            for (int at = 0; at < name.length(); at++) {
                byte[] bytes = (name + "=1\r\n").getBytes(StandardCharsets.US_ASCII);
                bytes[at] = (byte) (bytes[at] == 'Q' ? 'Z' : 'Q');
                String changed = new String(bytes, 0, name.length(), StandardCharsets.US_ASCII);
                if (!IppNames.KNOWN.contains(changed)) {
                    assertThat(IppNames.index(bytes, 0, name.length())).as(changed).isEqualTo(-1);
                }
            }
            byte[] longer = (name + "X=1\r\n").getBytes(StandardCharsets.US_ASCII);
            if (!IppNames.KNOWN.contains(name + "X")) {
                assertThat(IppNames.index(longer, 0, name.length() + 1)).as(name + "X").isEqualTo(-1);
            }
            if (name.length() > 1 && !IppNames.KNOWN.contains(name.substring(1))) {
                assertThat(IppNames.index(longer, 1, name.length() - 1)).as(name.substring(1)).isEqualTo(-1);
            }
        }
    }

    @Test
    void aNameLongerThanAnyKnownOneIsUnknown() {
        byte[] bytes = "A_PROPERTY_NAME_OF_THIRTY_BYTES=1\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(IppNames.index(bytes, 0, 31)).isEqualTo(-1);
    }
}
