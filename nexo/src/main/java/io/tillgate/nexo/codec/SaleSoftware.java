package io.tillgate.nexo.codec;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** SaleSoftware of a LoginRequest, POISoftware of a LoginResponse. */
public record SaleSoftware(
        @JacksonXmlProperty(isAttribute = true, localName = "ProviderIdentification") String providerIdentification,
        @JacksonXmlProperty(isAttribute = true, localName = "ApplicationName") String applicationName,
        @JacksonXmlProperty(isAttribute = true, localName = "SoftwareVersion") String softwareVersion,
        @JacksonXmlProperty(isAttribute = true, localName = "CertificationCode") String certificationCode) {
}
