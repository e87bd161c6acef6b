package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** A receipt: for Tillgate one OutputText holding base64 JSON (docs/protocols/nexo.md §5.2). */
@JsonPropertyOrder({"OutputContent"})
public record PaymentReceipt(
        @JacksonXmlProperty(isAttribute = true, localName = "DocumentQualifier") DocumentQualifier documentQualifier,
        @JacksonXmlProperty(isAttribute = true, localName = "IntegratedPrintFlag") Boolean integratedPrintFlag,
        @JacksonXmlProperty(isAttribute = true, localName = "RequiredSignatureFlag") Boolean requiredSignatureFlag,
        @JacksonXmlProperty(localName = "OutputContent") OutputContent outputContent) {
}
