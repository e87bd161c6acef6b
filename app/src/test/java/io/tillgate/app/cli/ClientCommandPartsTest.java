package io.tillgate.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.money.Money;
import io.tillgate.p3.client.TransactionUpdate;
import io.tillgate.p3.codec.P3CardDetails;
import io.tillgate.p3.codec.P3ClearingDetails;
import io.tillgate.p3.codec.P3Transaction;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The pieces of the client commands that need no server: formatting, amounts, --signature. */
class ClientCommandPartsTest {

    private final CommandLine commandLine = new CommandLine(new PayCommand());

    @Test
    void updatesShowStateInformationAndAbortability() {
        assertThat(TransactionPrinter.update(new TransactionUpdate("WAITING_FOR_CARD_PRESENTATION", "x",
                List.of("Present card", "12.34 EUR"), true, null, null)))
                .isEqualTo("  WAITING_FOR_CARD_PRESENTATION  Present card | 12.34 EUR  [abortable]");
        assertThat(TransactionPrinter.update(new TransactionUpdate("PROCESSING", "x", List.of("Processing", ""),
                false, null, null))).isEqualTo("  PROCESSING  Processing");
    }

    @Test
    void theResultLineLeavesOutWhatIsUnknown() {
        P3Transaction full = P3Transaction.builder().status("approved").amount(new BigDecimal("12.34")).currency("EUR")
                .identifier("abc").cardDetails(new P3CardDetails("516815******9659", 12, 30))
                .clearingDetails(new P3ClearingDetails("A1B2C3", null)).build();

        assertThat(TransactionPrinter.result(full))
                .isEqualTo("APPROVED 12.34 EUR  id=abc  card=516815******9659  auth=A1B2C3");
        assertThat(TransactionPrinter.result(P3Transaction.builder().status("DECLINED").build())).isEqualTo("DECLINED");
    }

    @Test
    void aCardNumberIsNeverShownInFull() {
        assertThat(TransactionPrinter.masked("516815******9659")).isEqualTo("516815******9659");
        assertThat(TransactionPrinter.masked("**** **** **** 1234")).isEqualTo("**** **** **** 1234");
        assertThat(TransactionPrinter.masked("5168155124569659")).isEqualTo("516815******9659");
        assertThat(TransactionPrinter.masked("5168 1551 2456 9659")).isEqualTo("516815******9659");
        assertThat(TransactionPrinter.masked("card 5168155124569659")).isEqualTo("****");
    }

    @Test
    void amountsKeepTheCurrencyExponent() {
        assertThat(Amounts.parse(commandLine, "12.5", "eur")).isEqualTo(Money.ofMinor(1250, "EUR"));
        assertThat(Amounts.parse(commandLine, "500", "JPY")).isEqualTo(Money.ofMinor(500, "JPY"));
        assertThatThrownBy(() -> Amounts.parse(commandLine, "12,34", "EUR")).isInstanceOf(ParameterException.class)
                .hasMessage("--amount: '12,34' is not a number (write e.g. 12.34)");
        assertThatThrownBy(() -> Amounts.parse(commandLine, "0", "EUR")).hasMessage("--amount must be positive, got 0");
        assertThatThrownBy(() -> Amounts.parse(commandLine, "12.345", "EUR"))
                .hasMessage("--amount 12.345 has more decimals than EUR allows (2)");
        assertThat(Amounts.parse(commandLine, "12.500", "EUR")).isEqualTo(Money.ofMinor(1250, "EUR"));
        assertThatThrownBy(() -> Amounts.parse(commandLine, "99999999999999999999", "EUR"))
                .hasMessage("--amount 99999999999999999999 is too large");
        assertThatThrownBy(() -> Amounts.parse(commandLine, "1", "XYZ")).hasMessageContaining("'XYZ'");
    }

    @Test
    void signatureAnswersAreParsed() {
        SignatureAnswer.Converter converter = new SignatureAnswer.Converter();
        assertThat(converter.convert("ask")).isEqualTo(SignatureAnswer.ASK);
        assertThat(converter.convert("on-receipt")).isEqualTo(SignatureAnswer.ON_RECEIPT);
        assertThat(converter.convert("abort")).isEqualTo(SignatureAnswer.ABORT);
        assertThat(converter.convert("image:sig.png"))
                .isEqualTo(new SignatureAnswer(SignatureAnswer.Kind.IMAGE, Path.of("sig.png")));
        assertThatThrownBy(() -> converter.convert("image:")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("sign"))
                .hasMessageContaining("ask, on-receipt, abort, image:FILE.png");
    }
}
