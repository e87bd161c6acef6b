package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The acquirer's view: merchant, acquirer terminal id and the approval code. */
@JsonPropertyOrder({"AcquirerTransactionID", "ApprovalCode"})
public record PaymentAcquirerData(
        @JacksonXmlProperty(isAttribute = true, localName = "MerchantID") String merchantId,
        @JacksonXmlProperty(isAttribute = true, localName = "AcquirerPOIID") String acquirerPoiId,
        @JacksonXmlProperty(isAttribute = true, localName = "AcquirerID") String acquirerId,
        @JacksonXmlProperty(localName = "AcquirerTransactionID") TransactionIdentification acquirerTransactionId,
        @JacksonXmlProperty(localName = "ApprovalCode") String approvalCode) {
}
