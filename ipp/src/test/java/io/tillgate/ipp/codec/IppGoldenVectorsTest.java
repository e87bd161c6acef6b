package io.tillgate.ipp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.money.Money;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The consistent sample frames of docs/protocols/ipp.md §1, §9 and §11, byte for byte in both directions. */
class IppGoldenVectorsTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final String SID = "11111111-2222-3333-4444-555555555555";

    static byte[] hex(String spaced) {
        return HEX.parseHex(spaced.strip().replaceAll("\\s+", " "));
    }

    static final byte[] INIT = hex("""
            00 67 50 52 4F 54 4F 43 4F 4C 3D 49 50 50 0D 0A
            56 45 52 53 49 4F 4E 3D 32 30 30 0D 0A 4D 45 54
            48 4F 44 3D 49 4E 49 54 0D 0A 53 49 44 3D 66 32
            36 30 38 38 33 62 2D 35 31 32 62 2D 34 34 36 66
            2D 39 62 33 63 2D 64 36 36 65 31 66 35 32 62 65
            62 64 0D 0A 53 54 41 47 45 3D 31 0D 0A 53 54 41
            54 55 53 3D 30 0D 0A""");

    static final byte[] PURCHASE = hex("""
            00 B0 50 52 4F 54 4F 43 4F 4C 3D 49 50 50 0D 0A
            4D 45 54 48 4F 44 3D 50 55 52 43 48 41 53 45 0D
            0A 56 45 52 53 49 4F 4E 3D 32 30 30 0D 0A 53 49
            44 3D 31 31 31 31 31 31 31 31 2D 32 32 32 32 2D
            33 33 33 33 2D 34 34 34 34 2D 35 35 35 35 35 35
            35 35 35 35 35 35 0D 0A 41 4D 4F 55 4E 54 3D 31
            32 2E 35 30 0D 0A 43 55 52 52 45 4E 43 59 3D 39
            37 38 0D 0A 52 45 46 45 52 45 4E 43 45 3D 49 4E
            56 2D 34 32 0D 0A 46 49 58 45 44 5F 50 49 4E 50
            41 44 3D 31 0D 0A 50 52 49 4E 54 5F 52 45 43 45
            49 50 54 3D 30 0D 0A 4C 41 4E 47 3D 45 4E 0D 0A""");

    @Test
    void initExampleDecodesAndEncodesToTheSameBytes() {
        IppResponse init = IppCodec.decodeResponse(INIT);

        assertThat(init.method()).isEqualTo(IppMethod.INIT);
        assertThat(init.sid()).isEqualTo("f260883b-512b-446f-9b3c-d66e1f52bebd");
        assertThat(init.version()).isEqualTo(200);
        assertThat(init.stage()).isEqualTo(IppStage.CHECK_REQUEST);
        assertThat(init.status()).isEqualTo(IppStatus.OK);
        assertThat(IppCodec.encode(init)).isEqualTo(INIT);
        assertThat(IppCodec.decodeRequest(INIT).properties()).isEqualTo(init.properties());
    }

    @Test
    void purchaseInTillgateOrderIs176Bytes() {
        Money amount = Money.ofMinor(1250, "EUR");
        IppRequest purchase = new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200, SID)
                .text(IppNames.AMOUNT, IppAmount.format(amount))
                .text(IppNames.CURRENCY, IppAmount.currencyCode(amount.currency()))
                .text(IppNames.REFERENCE, "INV-42")
                .text(IppNames.FIXED_PINPAD, "1")
                .text(IppNames.PRINT_RECEIPT, "0")
                .text(IppNames.LANG, "EN")
                .build());

        assertThat(IppCodec.encode(purchase)).isEqualTo(PURCHASE);
        IppRequest decoded = IppCodec.decodeRequest(PURCHASE);
        assertThat(decoded).isEqualTo(purchase);
        assertThat(IppAmount.parse(IppNames.AMOUNT, decoded.text(IppNames.AMOUNT),
                IppAmount.currency(decoded.text(IppNames.CURRENCY)))).isEqualTo(amount);
    }

    @Test
    void purchaseInDotNetOrderHasTheSameLength() {
        IppRequest dotNet = new IppRequest(IppProperties.builder()
                .text(IppNames.VERSION, "200").text(IppNames.METHOD, "PURCHASE").text(IppNames.SID, SID)
                .text(IppNames.AMOUNT, "12.50").text(IppNames.CURRENCY, "978").text(IppNames.REFERENCE, "INV-42")
                .text(IppNames.FIXED_PINPAD, "1").text(IppNames.PRINT_RECEIPT, "0").text(IppNames.LANG, "EN")
                .build());

        byte[] frame = IppCodec.encode(dotNet);
        assertThat(frame).hasSize(176).startsWith(0x00, 0xB0);
        assertThat(IppCodec.decodeRequest(frame)).isEqualTo(dotNet);
    }

    @Test
    void pingAndGetStatusHaveTheDocumentedLengths() {
        byte[] ping = IppCodec.encode(new IppRequest(IppRequest.start(IppMethod.PING, 202, SID).build()));
        assertThat(ping).hasSize(84).startsWith(0x00, 0x54);

        byte[] getStatus = IppCodec.encode(new IppRequest(IppProperties.builder().text(IppNames.VERSION, "200")
                .text(IppNames.METHOD, "GET_STATUS").text(IppNames.SID, SID).text(IppNames.LANG, "EN").build()));
        assertThat(getStatus).hasSize(99).startsWith(0x00, 0x63);
    }

    @Test
    void stage4ReplyFromTheCallerCountsOnlyThePayload() {
        byte[] hostAnswer = hex("00 03 AA BB CC");
        IppRequest reply = new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200, SID)
                .text(IppNames.STATUS, "0").text(IppNames.STAGE, "4").bytes(IppNames.DATA, hostAnswer).build());

        byte[] frame = IppCodec.encode(reply);
        assertThat(frame).hasSize(119).startsWith(0x00, 0x77)
                .endsWith(hex("53 54 41 54 55 53 3D 30 0D 0A 53 54 41 47 45 3D 34 0D 0A 44 41 54 41 3D 00 03 AA BB CC 0D 0A"));
        IppRequest decoded = IppCodec.decodeRequest(frame);
        assertThat(decoded).isEqualTo(reply);
        assertThat(decoded.stage()).isEqualTo(IppStage.HOST_RELAY);
        assertThat(IppCodec.payload(decoded.properties().bytes(IppNames.DATA))).isEqualTo(hex("AA BB CC"));
    }

    @Test
    void stage4RequestFromTheTerminalCountsItsPrefix() {
        IppResponse relay = new IppResponse(IppResponse.start(IppMethod.PURCHASE, 200, SID, IppStage.HOST_RELAY,
                IppStatus.OK).bytes(IppNames.DATA, IppCodec.lengthPrefixed(hex("AA BB CC"), true)).build());

        byte[] frame = IppCodec.encode(relay);
        assertThat(frame).endsWith(hex("44 41 54 41 3D 00 05 AA BB CC 0D 0A"));
        assertThat(IppCodec.decodeResponse(frame)).isEqualTo(relay);
    }

    @Test
    void dataHoldingCrLfIsReadByItsPrefixAndRelayedVerbatim() {
        byte[] dataLine = hex("44 41 54 41 3D 00 07 01 02 0D 0A 03 0D 0A");
        IppResponse relay = new IppResponse(IppResponse.start(IppMethod.PURCHASE, 200, SID, IppStage.HOST_RELAY,
                IppStatus.OK).build());
        byte[] head = IppCodec.encode(relay);
        byte[] frame = new byte[head.length + dataLine.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(dataLine, 0, frame, head.length, dataLine.length);
        frame[0] = (byte) (frame.length >>> 8);
        frame[1] = (byte) frame.length;

        IppResponse decoded = IppCodec.decodeResponse(frame);

        assertThat(decoded.properties().bytes(IppNames.DATA)).isEqualTo(hex("00 07 01 02 0D 0A 03"));
        assertThat(IppCodec.encode(decoded)).isEqualTo(frame);
        // The same bytes read as a caller's frame would promise 7 payload bytes that are not there.
        assertThatThrownBy(() -> IppCodec.decodeRequest(frame)).isInstanceOf(IppDecodingException.class)
                .extracting(e -> ((IppDecodingException) e).property()).isEqualTo("DATA");
    }

    @Test
    void aHeaderCountingOnlyTheBodyIsRejected() {
        byte[] bodyOnly = INIT.clone();
        bodyOnly[1] = (byte) (INIT.length - 2);

        assertThatThrownBy(() -> IppCodec.decodeResponse(bodyOnly)).isInstanceOf(IppDecodingException.class)
                .hasMessage("header: says 101 bytes but the frame has 103 (it must count its own 2 bytes)");
    }
}
