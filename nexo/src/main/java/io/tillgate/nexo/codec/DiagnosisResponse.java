package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/**
 * Answer to a DiagnosisRequest.
 *
 * @param loggedSaleId the sale systems logged in to the terminal
 * @param poiStatus the terminal's state: GlobalStatus OK, Busy, Maintenance or Unreachable
 * @param hostStatus whether each acquirer host answered, when the request asked
 */
@JsonPropertyOrder({"Response", "LoggedSaleID", "POIStatus", "HostStatus"})
public record DiagnosisResponse(
        @JacksonXmlProperty(localName = "Response") Response response,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "LoggedSaleID")
        List<String> loggedSaleId,
        @JacksonXmlProperty(localName = "POIStatus") PoiStatus poiStatus,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "HostStatus")
        List<HostStatus> hostStatus) implements NexoResponseBody {

    public DiagnosisResponse {
        loggedSaleId = loggedSaleId == null ? List.of() : List.copyOf(loggedSaleId);
        hostStatus = hostStatus == null ? List.of() : List.copyOf(hostStatus);
    }

    @Override
    public MessageCategory category() {
        return MessageCategory.DIAGNOSIS;
    }
}
