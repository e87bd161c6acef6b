package io.tillgate.concert.codec;

import static io.tillgate.concert.codec.ConcertSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.money.Money;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConcertGoldenVectorsTest {

    static Stream<String> requests() {
        return ConcertSamples.REQUESTS.stream();
    }

    static Stream<String> answers() {
        return ConcertSamples.ANSWERS.stream();
    }

    @ParameterizedTest
    @MethodSource("requests")
    void everyConsistentRequestRoundTripsByteForByte(String frame) {
        TlvMessage decoded = TlvDecoder.decode(bytes(frame));

        assertThat(TlvEncoder.encode(decoded)).isEqualTo(bytes(frame));
        assertThat(ConcertRequest.from(decoded).version()).isEqualTo(frame.substring(5, 9));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void everyConsistentAnswerRoundTripsByteForByte(String frame) {
        TlvMessage decoded = TlvDecoder.decode(bytes(frame));

        assertThat(TlvEncoder.encode(decoded)).isEqualTo(bytes(frame));
        ConcertAnswer typed = ConcertAnswer.from(decoded);
        assertThat(ConcertAnswer.decode(bytes(frame))).isEqualTo(typed);
        assertThat(TlvEncoder.encode(typed)).isEqualTo(TlvEncoder.encode(typed.toTlv())).hasSameSizeAs(bytes(frame));
    }

    @Test
    void payXpertSingleItemsDecodeBehindCz() {
        for (String item : ConcertSamples.PAYXPERT_ITEMS) {
            String frame = item.startsWith("CZ") ? item : "CZ0040320" + item;
            assertThat(TlvEncoder.encode(TlvDecoder.decode(bytes(frame)))).isEqualTo(bytes(frame));
        }
        assertThat(TlvDecoder.decode(bytes("CZ0040320")).items())
                .containsExactly(new TlvItem.Simple("CZ", "0320"));
    }

    @Test
    void czItemIsTheNotesBytes() {
        byte[] cz = TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320")));
        assertThat(cz).isEqualTo(HexFormat.ofDelimiter(" ").parseHex("43 5A 30 30 34 30 33 32 30"));
    }

    @Test
    void ingenicoIdentificationAnswerMatchesItsPublishedBytes() {
        byte[] wire = HexFormat.ofDelimiter(" ").parseHex(ConcertSamples.IDENTIFICATION_ANSWER_HEX);
        ConcertAnswer answer = ConcertAnswer.from(TlvDecoder.decode(wire));

        assertThat(answer.version()).isEqualTo("0301");
        assertThat(answer.actionCode()).isEqualTo("I");
        assertThat(answer.status()).isEqualTo(ActionStatus.PERFORMED);
        assertThat(TlvEncoder.encode(answer.toTlv())).isEqualTo(wire);
        assertThat(TlvEncoder.encode(answer)).isEqualTo(wire);
    }

    @Test
    void debitRequestReadsItsFields() {
        ConcertRequest request = ConcertRequest.from(TlvDecoder.decode(bytes(ConcertSamples.REQUESTS.get(0))));

        assertThat(request.action()).isEqualTo(ConcertAction.DEBIT);
        assertThat(request.amount()).isEqualTo(Money.ofMinor(11245, "EUR"));
        assertThat(request.registerNumber()).isEqualTo("01");
        assertThat(request.immediate()).isFalse();
        assertThat(request.others()).isEmpty();
    }

    @Test
    void fiveCentsAreTwoDigits() {
        ConcertRequest request = ConcertRequest.from(TlvDecoder.decode(bytes(ConcertSamples.REQUESTS.get(3))));
        assertThat(request.amount()).isEqualTo(Money.ofMinor(5, "EUR"));
        assertThat(ConcertRequest.amountDigits(5)).isEqualTo("05");
    }

    @Test
    void creditWithPhoneMailAndTicketsKeepsTheShopperTagsAsOthers() {
        ConcertRequest request = ConcertRequest.from(TlvDecoder.decode(bytes(ConcertSamples.REQUESTS.get(5))));

        assertThat(request.action()).isEqualTo(ConcertAction.CREDIT);
        assertThat(request.amount()).isEqualTo(Money.ofMinor(300, "EUR"));
        assertThat(request.tickets()).isEqualTo(new TicketMode(true, TicketMode.Copies.BOTH, false));
        assertThat(request.others()).extracting(TlvItem::type).containsExactly("BH", "BI");
    }

    @Test
    void vivaPrivateDataIsKeptVerbatim() {
        ConcertRequest request = ConcertRequest.from(TlvDecoder.decode(bytes(ConcertSamples.REQUESTS.get(6))));
        assertThat(request.privateData()).hasSize(183).startsWith("{\"ISV_amount\":123,");
        assertThat(request.tickets().html()).isTrue();
    }

    @Test
    void ourDebitRequestIsTheHiPayMinimalFrameWithBa() {
        ConcertRequest request = new ConcertRequest("0300", "24730" + "0123456", "01", ConcertAction.DEBIT,
                Money.ofMinor(12345, "EUR"), false, null, null, List.of());

        assertThat(new String(TlvEncoder.encode(request.toTlv()), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo(ConcertSamples.REQUESTS.get(4) + "BA0010");
    }

    @Test
    void akretionSuccessReadsItsCardData() {
        ConcertAnswer answer = ConcertAnswer.from(TlvDecoder.decode(bytes(ConcertSamples.ANSWERS.get(2))));

        assertThat(answer.status()).isEqualTo(ActionStatus.PERFORMED);
        assertThat(answer.amountMinorUnits()).isEqualTo(11245);
        assertThat(answer.application()).isEqualTo("001");
        assertThat(answer.readingMode()).isEqualTo(ReadingMode.CONTACT_CHIP);
        assertThat(answer.authorisationNumber()).isEqualTo("209511");
        assertThat(answer.pan()).isEqualTo("237195######8277");
        assertThat(answer.expiry()).isEqualTo("2704");
        assertThat(answer.contractNumber()).isEqualTo("424242");
        assertThat(answer.others()).extracting(TlvItem::type).containsExactly("BA", "CF");
    }

    @Test
    void failureAnswersReadTheirComplement() {
        assertThat(ConcertAnswer.from(TlvDecoder.decode(bytes(ConcertSamples.ANSWERS.get(1)))).complementCode())
                .isEqualTo(StatusComplement.FORMAT_ERROR);
        assertThat(ConcertAnswer.from(TlvDecoder.decode(bytes(ConcertSamples.ANSWERS.get(5)))).complementCode())
                .isEqualTo(StatusComplement.OPERATOR_ABANDON);
        assertThat(ConcertAnswer.from(TlvDecoder.decode(bytes(ConcertSamples.ANSWERS.get(9)))).status())
                .isEqualTo(ActionStatus.ACKNOWLEDGED);
    }

    @Test
    void complementReadsOnlyItsFirstTwoCharacters() {
        String answer = "CZ0040320AE00201AF029" + "04148" + " ".repeat(24);
        assertThat(ConcertAnswer.from(TlvDecoder.decode(bytes(answer))).complementCode())
                .isEqualTo(StatusComplement.REFUSED);
    }

    @Test
    void flaggedSuccessWithFormatErrorIsRejected() {
        TlvMessage tlv = TlvDecoder.decode(bytes(ConcertSamples.FLAGGED_SUCCESS_WITH_ERROR));
        assertThatThrownBy(() -> ConcertAnswer.from(tlv))
                .isInstanceOf(ConcertDecodingException.class)
                .hasMessageContaining("AE=10").hasMessageContaining("AF=09");
    }

    @Test
    void flaggedHolderInvalidWithLostPaddingIsRejected() {
        String frame = "CZ0040320CA00201AE00201AF02904148HOLDER INVALID";
        assertThatThrownBy(() -> TlvDecoder.decode(bytes(frame)))
                .isInstanceOf(ConcertDecodingException.class)
                .hasMessage("AF at offset 23: value of 29 bytes truncated after 19");
    }

    @Test
    void flaggedPayXpertTicketShorterThanItsLengthsIsRejected() {
        String frame = "CZ0040320AE00210ZT617CK003100AK604" + "QUJD".repeat(149);
        assertThatThrownBy(() -> TlvDecoder.decode(bytes(frame)))
                .isInstanceOf(ConcertDecodingException.class)
                .satisfies(e -> assertThat(((ConcertDecodingException) e).tag()).isEqualTo("ZT"));
    }

    @Test
    void flaggedTicketWhoseAkOverrunsItsZtIsRejected() {
        String frame = "CZ0040320AE00210ZT017CK003100AK006QUJD";
        assertThatThrownBy(() -> TlvDecoder.decode(bytes(frame)))
                .isInstanceOf(ConcertDecodingException.class)
                .hasMessage("AK at offset 29: value of 6 bytes overruns ZT by 2");
    }

    @Test
    void flaggedOneDigitFixedFieldsAreRejected() {
        assertThatThrownBy(() -> TlvDecoder.decode(bytes("CZ0040320CA0011")))
                .isInstanceOf(ConcertDecodingException.class)
                .hasMessage("CA at offset 9: length 1, expected 2");
        assertThatThrownBy(() -> TlvDecoder.decode(bytes("CZ0040320CB0011")))
                .isInstanceOf(ConcertDecodingException.class)
                .hasMessage("CB at offset 9: length 1 outside 2..12");
    }
}
