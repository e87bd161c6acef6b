package io.tillgate.concert.codec;

import static io.tillgate.concert.codec.ConcertSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlvCodecErrorsTest {

    private static ConcertDecodingException decodeFailure(String frame) {
        try {
            TlvDecoder.decode(bytes(frame));
        } catch (ConcertDecodingException e) {
            return e;
        }
        throw new AssertionError("decoded: " + frame);
    }

    @Test
    void firstItemMustBeCz() {
        ConcertDecodingException e = decodeFailure("CJ012" + "000000000000CZ0040320");
        assertThat(e.getMessage()).isEqualTo("CJ at offset 0: the first item must be CZ");
        assertThat(e.tag()).isEqualTo("CJ");
        assertThat(e.offset()).isZero();
        assertThat(e.problem()).isEqualTo(ConcertDecodingException.Problem.MALFORMED);
    }

    @Test
    void lengthMustBeThreeDigits() {
        assertThat(decodeFailure("CZ0040320CB0x41250").getMessage()).isEqualTo("CB at offset 9: length is not three digits");
    }

    @Test
    void emptyTagsAreLeftOutNotSent() {
        assertThat(decodeFailure("CZ0040320CF000").getMessage())
                .isEqualTo("CF at offset 9: length 000; an empty tag is left out");
    }

    @Test
    void typeMustBeTwoLetters() {
        assertThat(decodeFailure("CZ0040320c10011").getMessage())
                .isEqualTo("at offset 9: type bytes 0x63 0x31 are not two letters A-Z");
    }

    @Test
    void headerMustBeWhole() {
        assertThat(decodeFailure("CZ0040320AE0").getMessage())
                .isEqualTo("at offset 9: item header truncated after 3 of 5 bytes");
    }

    @Test
    void controlCharactersAreRefusedWithTheirPosition() {
        assertThat(decodeFailure("CZ0040320CF003a\nb").getMessage())
                .isEqualTo("CF at offset 15: value byte 0x0A outside 0x20..0x7F");
    }

    @Test
    void knownTagsFollowTheirRule() {
        assertThat(decodeFailure("CZ0040320CB0041x50").getMessage()).isEqualTo("CB at offset 9: non-digit at value position 1");
        assertThat(decodeFailure("CZ004032A").getMessage()).isEqualTo("CZ at offset 0: non-digit at value position 3");
    }

    /** Range and tag rule are checked with one table per tag; the fault named stays the same. */
    @Test
    void aByteBreakingBothRulesIsNamedAsOutOfRange() {
        assertThat(decodeFailure("CZ0040320CB0041\n50").getMessage())
                .isEqualTo("CB at offset 15: value byte 0x0A outside 0x20..0x7F");
        assertThat(decodeFailure("CZ0040320CB0041\u007F50").getMessage())
                .isEqualTo("CB at offset 9: non-digit at value position 1");
        byte[] highByte = bytes("CZ0040320CD001?");
        highByte[14] = (byte) 0x80;
        assertThatThrownBy(() -> TlvDecoder.decode(highByte))
                .hasMessage("CD at offset 14: value byte 0x80 outside 0x20..0x7F");
        assertThat(TlvDecoder.decode(bytes("CZ0040320CF001\u007F")).value(ConcertTag.CF)).isEqualTo("\u007F");
    }

    @Test
    void oneCharacterValuesReadLikeAnyOther() {
        TlvMessage message = TlvDecoder.decode(bytes("CZ0040320CD0011QQ001~BA0010"));
        assertThat(message.value(ConcertTag.CD)).isEqualTo("1");
        assertThat(message.value("QQ")).isEqualTo("~");
        assertThat(message.value(ConcertTag.BA)).isEqualTo("0");
    }

    @Test
    void onlyZtRepeats() {
        assertThat(decodeFailure("CZ0040320AE00210AE00210").getMessage())
                .isEqualTo("AE at offset 16: tag repeated; only ZT may be");
        String twoTickets = "CZ0040320ZT017CK003100AK004QUJDZT017CK003110AK004QUJD";
        assertThat(TlvDecoder.decode(bytes(twoTickets)).constructed(ConcertTag.ZT)).hasSize(2);
    }

    @Test
    void constructedItemsNestOneLevelOnly() {
        assertThat(decodeFailure("CZ0040320ZX013ZY008AX003123").getMessage())
                .isEqualTo("ZY at offset 14: constructed item inside ZX");
    }

    @Test
    void unknownTagsAreKeptInOrder() {
        TlvMessage message = TlvDecoder.decode(bytes("CZ0040320QQ003abcZX014AX003123BY001AAE00210"));
        assertThat(message.items()).extracting(TlvItem::type).containsExactly("CZ", "QQ", "ZX", "AE");
        assertThat(message.value("QQ")).isEqualTo("abc");
        assertThat(((TlvItem.Constructed) message.items().get(2)).items())
                .containsExactly(new TlvItem.Simple("AX", "123"), new TlvItem.Simple("BY", "A"));
    }

    @Test
    void emptyInputIsRefused() {
        assertThat(decodeFailure("").getMessage()).isEqualTo("at offset 0: empty message");
    }

    @Test
    void semanticErrorsNameTheirKind() {
        assertThatThrownBy(() -> ConcertRequest.from(TlvDecoder.decode(bytes("CZ0040320CJ012" + "000000000000CA00201CD0010"))))
                .isInstanceOfSatisfying(ConcertDecodingException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ConcertDecodingException.Problem.MISSING_TAG);
                    assertThat(e.tag()).isEqualTo("CB");
                });
        assertThatThrownBy(() -> ConcertRequest.from(TlvDecoder.decode(bytes("CZ0040320CJ012" + "000000000000CA00201CD001X"))))
                .isInstanceOfSatisfying(ConcertDecodingException.class, e -> assertThat(e.problem())
                        .isEqualTo(ConcertDecodingException.Problem.UNKNOWN_ACTION));
        assertThatThrownBy(() -> ConcertRequest.from(TlvDecoder.decode(
                bytes("CZ0040320CJ012" + "000000000000CA00201CD0010CB0041000CE003999"))))
                .isInstanceOfSatisfying(ConcertDecodingException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("CE: '999' is not an ISO 4217 currency with a minor unit"));
        assertThatThrownBy(() -> ConcertAnswer.from(TlvDecoder.decode(bytes("CZ0040320CA00201"))))
                .hasMessage("missing AE (every answer carries its status)");
        assertThatThrownBy(() -> ConcertAnswer.from(TlvDecoder.decode(bytes("CZ0040320AE00299"))))
                .hasMessage("AE: unknown action status '99'");
    }

    @Test
    void encoderIsStrict() {
        assertThatThrownBy(() -> TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CA, "01"))))
                .hasMessage("the first item must be CZ, not CA");
        assertThatThrownBy(() -> TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"),
                new TlvItem.Simple("CF", "a\u007Fb")))).hasMessage("CF: character U+007F at value position 1 outside 0x20..0x7E");
        assertThatThrownBy(() -> TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"),
                TlvItem.of(ConcertTag.CB, "1\u007F")))).hasMessage("CB: non-digit at value position 1");
        assertThatThrownBy(() -> TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"),
                TlvItem.of(ConcertTag.CF, "caf\u00E9")))).hasMessage("CF: character U+00E9 at value position 3 outside 0x20..0x7E");
        assertThatThrownBy(() -> TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"),
                new TlvItem.Simple("QQ", "\u0141")))).hasMessage("QQ: character U+0141 at value position 0 outside 0x20..0x7E");
        assertThatThrownBy(() -> TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"),
                new TlvItem.Simple("QQ", "x".repeat(1000))))).hasMessage("QQ: length 1000 outside 1..999");
        assertThatThrownBy(() -> TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"),
                new TlvItem.Simple("QQ", "")))).hasMessage("QQ: length 0 outside 1..999");
        assertThatThrownBy(() -> TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"),
                TlvItem.of(ConcertTag.CB, "5")))).hasMessage("CB: length 1 outside 2..12");
        assertThatThrownBy(() -> TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"),
                TlvItem.of(ConcertTag.CZ, "0320")))).hasMessage("CZ appears twice; only ZT may repeat");
        assertThatThrownBy(() -> TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"),
                new TlvItem.Simple("c1", "x")))).hasMessage("type 'c1' is not two letters A-Z");
        assertThatThrownBy(() -> TlvEncoder.encode(TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"),
                new TlvItem.Constructed("ZT", List.of(new TlvItem.Simple("ZX", "x"))))))
                .hasMessage("ZX is a constructed type but holds a simple value");
    }

    @Test
    void fromCodeNamesUnknownCodes() {
        assertThat(ConcertTag.fromCode("CB")).isEqualTo(ConcertTag.CB);
        assertThatThrownBy(() -> ConcertTag.fromCode("QQ")).hasMessage("unknown Concert tag 'QQ'");
        assertThat(ConcertAction.fromCode("I")).isEqualTo(ConcertAction.IDENTIFICATION);
        assertThat(StatusComplement.fromCode("13")).isEqualTo(StatusComplement.CURRENCY_NOT_SUPPORTED);
        assertThatThrownBy(() -> StatusComplement.fromCode("14")).hasMessage("AF: unknown status complement '14'");
        assertThat(ReadingMode.fromCode("2")).isEqualTo(ReadingMode.CONTACTLESS);
        assertThat(TicketMode.fromCode("121").code()).isEqualTo("121");
        assertThatThrownBy(() -> TicketMode.fromCode("130")).hasMessage("CK: ticket management '130' is not [01][012][01]");
    }
}
