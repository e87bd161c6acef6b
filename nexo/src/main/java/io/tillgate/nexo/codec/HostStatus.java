package io.tillgate.nexo.codec;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * Whether the terminal reaches one acquirer's host (DiagnosisResponse).
 *
 * @param acquirerId the acquirer
 * @param isReachableFlag whether its host answered; true when absent
 */
public record HostStatus(
        @JacksonXmlProperty(isAttribute = true, localName = "AcquirerID") String acquirerId,
        @JacksonXmlProperty(isAttribute = true, localName = "IsReachableFlag") Boolean isReachableFlag) {
}
