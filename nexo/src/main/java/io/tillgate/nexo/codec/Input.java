package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The input given; for GetConfirmation the ConfirmedFlag. */
@JsonPropertyOrder({"ConfirmedFlag", "FunctionKey", "TextInput", "DigitInput", "Password", "MenuEntryNumber"})
public record Input(
        @JacksonXmlProperty(isAttribute = true, localName = "InputCommand") InputCommand inputCommand,
        @JacksonXmlProperty(localName = "ConfirmedFlag") Boolean confirmedFlag,
        @JacksonXmlProperty(localName = "FunctionKey") String functionKey,
        @JacksonXmlProperty(localName = "TextInput") String textInput,
        @JacksonXmlProperty(localName = "DigitInput") String digitInput,
        @JacksonXmlProperty(localName = "Password") String password,
        @JacksonXmlProperty(localName = "MenuEntryNumber") Integer menuEntryNumber) {
}
