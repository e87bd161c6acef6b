package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Opens a login session (Service/Login). */
@JsonPropertyOrder({"DateTime", "SaleSoftware", "SaleTerminalData"})
public record LoginRequest(
        @JacksonXmlProperty(isAttribute = true, localName = "OperatorLanguage") String operatorLanguage,
        @JacksonXmlProperty(isAttribute = true, localName = "TrainingModeFlag") Boolean trainingModeFlag,
        @JacksonXmlProperty(isAttribute = true, localName = "OperatorID") String operatorId,
        @JacksonXmlProperty(isAttribute = true, localName = "ShiftNumber") String shiftNumber,
        @JacksonXmlProperty(isAttribute = true, localName = "TokenRequestedType") String tokenRequestedType,
        @JacksonXmlProperty(isAttribute = true, localName = "CustomerOrderReq") String customerOrderReq,
        @JacksonXmlProperty(isAttribute = true, localName = "POISerialNumber") String poiSerialNumber,
        @JacksonXmlProperty(localName = "DateTime") String dateTime,
        @JacksonXmlProperty(localName = "SaleSoftware") SaleSoftware saleSoftware,
        @JacksonXmlProperty(localName = "SaleTerminalData") SaleTerminalData saleTerminalData) implements NexoRequestBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.LOGIN;
    }
}
