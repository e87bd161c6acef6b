package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/**
 * Asks how the terminal is (Service/Diagnosis): the cheapest request nexo has, and like Login one that
 * stands outside a login session, so its header carries ProtocolVersion.
 *
 * @param poiId the terminal asked about, or {@code null} for the one addressed
 * @param hostDiagnosisFlag whether the terminal should also try its acquirers' hosts (default false)
 * @param acquirerId the hosts to try, all when empty
 */
@JsonPropertyOrder({"AcquirerID"})
public record DiagnosisRequest(
        @JacksonXmlProperty(isAttribute = true, localName = "POIID") String poiId,
        @JacksonXmlProperty(isAttribute = true, localName = "HostDiagnosisFlag") Boolean hostDiagnosisFlag,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "AcquirerID")
        List<String> acquirerId) implements NexoRequestBody {

    public DiagnosisRequest {
        acquirerId = acquirerId == null ? List.of() : List.copyOf(acquirerId);
    }

    @Override
    public MessageCategory category() {
        return MessageCategory.DIAGNOSIS;
    }
}
