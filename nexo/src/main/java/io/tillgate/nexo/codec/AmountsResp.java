package io.tillgate.nexo.codec;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.math.BigDecimal;

/** The authorised amounts. */
public record AmountsResp(
        @JacksonXmlProperty(isAttribute = true, localName = "Currency") String currency,
        @JacksonXmlProperty(isAttribute = true, localName = "AuthorizedAmount") BigDecimal authorizedAmount,
        @JacksonXmlProperty(isAttribute = true, localName = "CashBackAmount") BigDecimal cashBackAmount,
        @JacksonXmlProperty(isAttribute = true, localName = "TipAmount") BigDecimal tipAmount) {
}
