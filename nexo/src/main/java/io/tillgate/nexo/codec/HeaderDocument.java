package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * Only the MessageHeader of a document whose body could not be mapped: enough to send back the
 * matching {@code Failure}/{@code MessageFormat} response.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HeaderDocument(@JacksonXmlProperty(localName = "MessageHeader") MessageHeader header) {
}
