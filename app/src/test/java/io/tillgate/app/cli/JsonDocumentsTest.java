package io.tillgate.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tillgate.core.money.Money;
import io.tillgate.p3.codec.P3CardDetails;
import io.tillgate.p3.codec.P3PaymentDetails;
import io.tillgate.p3.codec.P3Transaction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The JSON values on their own: amounts from P3's major units, and card numbers whatever a server sent. */
class JsonDocumentsTest {

    @Test
    void amountsAreMinorUnitsOfTheCurrencysExponent() {
        assertThat(JsonAmount.of(Money.ofMinor(1250, "EUR"))).isEqualTo(new JsonAmount(1250, "EUR", "12.50 EUR"));
        assertThat(JsonAmount.of(new BigDecimal("12.5"), "EUR")).isEqualTo(new JsonAmount(1250, "EUR", "12.50 EUR"));
        assertThat(JsonAmount.of(new BigDecimal("500"), "JPY")).isEqualTo(new JsonAmount(500, "JPY", "500 JPY"));
        assertThat(JsonAmount.of(new BigDecimal("12.345"), "EUR")).isNull();
        assertThat(JsonAmount.of(new BigDecimal("12.00"), "XYZ")).isNull();
        assertThat(JsonAmount.of(null, "EUR")).isNull();
    }

    @Test
    void aFullCardNumberFromAServerIsMaskedInTheDocument() throws Exception {
        P3Transaction sent = P3Transaction.builder().identifier("abc").status("approved")
                .amount(new BigDecimal("12.34")).currency("EUR")
                .cardDetails(new P3CardDetails("5168155124569659", 12, 30))
                .paymentDetails(new P3PaymentDetails("MASTERCARD", "CHIP", "PIN")).build();
        StringWriter out = new StringWriter();

        JsonOutput.print(new PrintWriter(out), new TransactionDocument(JsonTransaction.of(sent), null));

        assertThat(out.toString()).doesNotContain("5168155124569659").doesNotContain("expiry");
        JsonNode transaction = new ObjectMapper().readTree(out.toString()).get("transaction");
        assertThat(transaction.get("status").asText()).isEqualTo("APPROVED");
        assertThat(transaction.get("card").get("maskedNumber").asText()).isEqualTo("516815******9659");
        assertThat(transaction.get("card").get("entryMode").asText()).isEqualTo("CHIP");
        assertThat(transaction.get("amount").get("minor").asLong()).isEqualTo(1234);
        assertThat(transaction.get("receipts").get("customer")).isEmpty();
        assertThat(transaction.get("createdAt").isNull()).isTrue();
    }
}
