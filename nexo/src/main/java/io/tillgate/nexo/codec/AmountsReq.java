package io.tillgate.nexo.codec;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.math.BigDecimal;

/** The requested amounts as decimal major units of an ISO 4217 currency. */
public record AmountsReq(
        @JacksonXmlProperty(isAttribute = true, localName = "Currency") String currency,
        @JacksonXmlProperty(isAttribute = true, localName = "RequestedAmount") BigDecimal requestedAmount,
        @JacksonXmlProperty(isAttribute = true, localName = "CashBackAmount") BigDecimal cashBackAmount,
        @JacksonXmlProperty(isAttribute = true, localName = "TipAmount") BigDecimal tipAmount) {
}
