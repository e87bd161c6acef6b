package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.math.BigDecimal;
import java.util.List;

/** Which card to read before the amount is known. */
@JsonPropertyOrder({"AllowedPaymentBrand", "ForceEntryMode"})
public record CardAcquisitionTransaction(
        @JacksonXmlProperty(isAttribute = true, localName = "PaymentType") PaymentType paymentType,
        @JacksonXmlProperty(isAttribute = true, localName = "TotalAmount") BigDecimal totalAmount,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "AllowedPaymentBrand") List<String> allowedPaymentBrand,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "ForceEntryMode") List<String> forceEntryMode) {

    public CardAcquisitionTransaction {
        allowedPaymentBrand = allowedPaymentBrand == null ? List.of() : List.copyOf(allowedPaymentBrand);
        forceEntryMode = forceEntryMode == null ? List.of() : List.copyOf(forceEntryMode);
    }
}
