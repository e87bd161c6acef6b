package io.tillgate.ipp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way a frame can be wrong names the property and the problem, never the frame's bytes. */
class IppDecodingErrorsTest {

    private static byte[] frame(String body) {
        return frame(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] frame(byte[] body) {
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) (out.length >>> 8);
        out[1] = (byte) out.length;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static IppDecodingException requestError(String body) {
        try {
            IppCodec.decodeRequest(frame(body));
        } catch (IppDecodingException e) {
            return e;
        }
        throw new AssertionError("decoded: " + body);
    }

    @Test
    void protocolMustComeFirst() {
        assertThat(requestError("METHOD=PING\r\nPROTOCOL=IPP\r\nSID=1\r\nVERSION=200\r\n").getMessage())
                .isEqualTo("PROTOCOL: the first line must be PROTOCOL=IPP");
    }

    @Test
    void anyOrderAfterProtocolIsAccepted() {
        IppRequest request = IppCodec.decodeRequest(frame("PROTOCOL=IPP\r\nSID=9\r\nLANG=EN\r\nVERSION=202\r\n"
                + "METHOD=GET_STATUS\r\n"));
        assertThat(request.method()).isEqualTo(IppMethod.GET_STATUS);
        assertThat(request.version()).isEqualTo(202);
    }

    @Test
    void missingAndMalformedHeaderPropertiesAreNamed() {
        assertThat(requestError("PROTOCOL=IPP\r\nVERSION=200\r\nSID=1\r\n").getMessage()).isEqualTo("METHOD: missing");
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING\r\nVERSION=200\r\n").getMessage()).isEqualTo("SID: missing");
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING\r\nSID=1\r\nVERSION=2x0\r\n").getMessage())
                .isEqualTo("VERSION: not an integer: '2x0'");
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING\r\nSID=1\r\nVERSION=200\r\nSTAGE=7\r\n").getMessage())
                .isEqualTo("STAGE: unknown stage 7");
    }

    @Test
    void syntaxProblemsAreNamed() {
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING\r\nMETHOD=PING\r\n").getMessage())
                .isEqualTo("METHOD: appears twice");
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD PING\r\n").getMessage())
                .isEqualTo("property 2: name is not followed by '='");
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PI\nNG\r\n").getMessage())
                .isEqualTo("METHOD: holds a byte not allowed in text at offset 2");
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING").getMessage())
                .isEqualTo("METHOD: is not terminated by CR LF");
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING\r\nSID=1\r\nVERSION=200\r\nDATA=\0\1X\r\nLANG=EN\r\n")
                .getMessage()).isEqualTo("DATA: must be the last property");
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING\r\nDATA=\0\u0009X\r\n").getMessage())
                .isEqualTo("DATA: length prefix 9 runs past the frame end");
        assertThat(requestError("PROTOCOL=IPP\r\nFINGERPRINT=short\r\n").getMessage())
                .isEqualTo("FINGERPRINT: needs 20 bytes, the frame ends first");
    }

    @Test
    void unknownMethodsAreWellFormedButAnsweredWithStatus4() {
        IppRequest request = IppCodec.decodeRequest(frame("PROTOCOL=IPP\r\nMETHOD=TELEPORT\r\nSID=1\r\nVERSION=200\r\n"));
        assertThatThrownBy(request::method).isInstanceOf(IppDecodingException.class)
                .hasMessage("METHOD: unknown method 'TELEPORT'")
                .extracting(e -> ((IppDecodingException) e).answer()).isEqualTo(IppStatus.UNSUPPORTED_METHOD);
    }

    @Test
    void chainsAreReadByLayoutEvenWhenAFingerprintHoldsCrLf() {
        byte[] fingerprint = HexFormat.of().parseHex("0d0a3d0d0a0a1b2c3d4e5f6a7b8c9dafbecfd0e1");
        byte[] chain = IppCodec.chain(java.util.List.of(fingerprint, fingerprint));
        IppResponse response = new IppResponse(IppResponse.start(IppMethod.GET_STATUS, 200, "1", IppStage.OUTCOME,
                IppStatus.OK).bytes(IppNames.PRIMARY_CHAIN, chain).text(IppNames.LANG, "EN").build());

        IppResponse decoded = IppCodec.decodeResponse(IppCodec.encode(response));

        assertThat(IppCodec.fingerprints(decoded.properties().bytes(IppNames.PRIMARY_CHAIN)))
                .containsExactly(fingerprint, fingerprint);
        assertThat(decoded.text(IppNames.LANG)).isEqualTo("EN");
        assertThat(IppCodec.decodeResponse(IppCodec.encode(new IppResponse(IppResponse.start(IppMethod.INIT, 200, "1",
                IppStage.CHECK_REQUEST, IppStatus.OK).bytes(IppNames.CHAIN, new byte[0]).build())))
                .properties().bytes(IppNames.CHAIN)).isEmpty();
    }

    @Test
    void theEncoderRefusesADataPrefixForTheWrongDirection() {
        IppResponse fromTerminal = new IppResponse(IppResponse.start(IppMethod.PURCHASE, 200, "1", IppStage.HOST_RELAY,
                IppStatus.OK).bytes(IppNames.DATA, IppCodec.lengthPrefixed(new byte[3], false)).build());
        assertThatThrownBy(() -> IppCodec.encode(fromTerminal)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DATA length prefix 3 should be 5 (counting itself, from the terminal)");
    }

    @Test
    void aDecodedDataPrefixIsCheckedAgainstTheDirectionItIsReSentIn() {
        byte[] wire = IppCodec.encode(new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200, "1")
                .integer(IppNames.STAGE, IppStage.HOST_RELAY.code()).integer(IppNames.STATUS, 0)
                .bytes(IppNames.DATA, IppCodec.lengthPrefixed(new byte[3], false)).build()));
        IppRequest decoded = IppCodec.decodeRequest(wire);
        assertThat(IppCodec.encode(decoded)).isEqualTo(wire);
        assertThatThrownBy(() -> IppCodec.encode(new IppResponse(decoded.properties())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DATA length prefix 3 should be 5 (counting itself, from the terminal)");
    }

    @Test
    void headerIntegersAndLengthsReadFromTheFrameMatchTheirText() {
        for (String version : List.of("0", "-0", "-7", "007", "999999999", "-99999999")) {
            assertThat(IppCodec.decodeRequest(frame("PROTOCOL=IPP\r\nMETHOD=PING\r\nSID=1\r\nVERSION=" + version
                    + "\r\n")).version()).isEqualTo(Integer.parseInt(version));
        }
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING\r\nSID=1\r\nVERSION=\r\n").getMessage())
                .isEqualTo("VERSION: not an integer (0 characters)");
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING\r\nSID=1\r\nVERSION=1234567890\r\n").getMessage())
                .isEqualTo("VERSION: not an integer (10 characters)");
        for (String bad : List.of("-", "+1", "1-", " 1", "--1")) {
            assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING\r\nSID=1\r\nVERSION=" + bad + "\r\n").getMessage())
                    .isEqualTo("VERSION: not an integer: '" + bad + "'");
        }
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=\r\nSID=1\r\nVERSION=200\r\n").getMessage())
                .isEqualTo("METHOD: missing");
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING\r\nSID=\r\nVERSION=200\r\n").getMessage())
                .isEqualTo("SID: missing");
        String sid = "S".repeat(127);
        assertThat(IppCodec.decodeRequest(frame("PROTOCOL=IPP\r\nMETHOD=PING\r\nSID=" + sid + "\r\nVERSION=200\r\n"))
                .sid()).isEqualTo(sid);
        assertThat(requestError("PROTOCOL=IPP\r\nMETHOD=PING\r\nSID=" + sid + "S\r\nVERSION=200\r\n").getMessage())
                .isEqualTo("SID: longer than 127 characters (128)");
        assertThat(IppCodec.decodeResponse(frame("PROTOCOL=IPP\r\nMETHOD=PING\r\nSID=1\r\nVERSION=200\r\nSTAGE=5\r\n"
                + "STATUS=0\r\nTIMEOUT=x\r\n")).timeoutSeconds()).isZero();
    }

    @Test
    void amountsConvertThroughMoneyNeverDouble() {
        assertThat(IppAmount.parse("AMOUNT", "0.01", IppAmount.currency("978")).minorUnits()).isEqualTo(1);
        assertThat(IppAmount.parse("AMOUNT", "1250", IppAmount.currency("392")).toString()).isEqualTo("1250 JPY");
        assertThat(IppAmount.currencyCode(IppAmount.currency("036"))).isEqualTo("036");
        assertThatThrownBy(() -> IppAmount.parse("AMOUNT", "1e3", IppAmount.currency("978")))
                .hasMessage("AMOUNT: '1e3' is not a decimal amount");
        assertThatThrownBy(() -> IppAmount.parse("AMOUNT", "0.00", IppAmount.currency("978")))
                .hasMessage("AMOUNT: must be positive, was 0.00");
        assertThatThrownBy(() -> IppAmount.currency("999")).hasMessage("CURRENCY: '999' is not an ISO 4217 numeric code");
    }
}
