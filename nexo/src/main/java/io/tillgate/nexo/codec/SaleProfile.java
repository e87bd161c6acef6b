package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The POS's generic profile and the service profiles it uses. */
@JsonPropertyOrder({"ServiceProfiles"})
public record SaleProfile(
        @JacksonXmlProperty(isAttribute = true, localName = "GenericProfile") String genericProfile,
        @JacksonXmlProperty(localName = "ServiceProfiles") String serviceProfiles) {
}
