package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;
import java.util.Objects;

/**
 * One line of text, with its print attributes. A class rather than a record because Jackson XML
 * cannot bind element text ({@code @JacksonXmlText}) through a record's canonical constructor;
 * Jackson fills the final fields through the private constructor instead. Immutable all the same.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class OutputText {

    @JacksonXmlProperty(isAttribute = true, localName = "Alignment")
    private final String alignment;
    @JacksonXmlProperty(isAttribute = true, localName = "CharacterStyle")
    private final String characterStyle;
    @JacksonXmlProperty(isAttribute = true, localName = "EndOfLineFlag")
    private final Boolean endOfLineFlag;
    @JacksonXmlText
    private final String text;

    public OutputText(String alignment, String characterStyle, Boolean endOfLineFlag, String text) {
        this.alignment = alignment;
        this.characterStyle = characterStyle;
        this.endOfLineFlag = endOfLineFlag;
        this.text = text;
    }

    private OutputText() {
        this(null, null, null, null);
    }

    public String alignment() {
        return alignment;
    }

    public String characterStyle() {
        return characterStyle;
    }

    public Boolean endOfLineFlag() {
        return endOfLineFlag;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputText other && Objects.equals(alignment, other.alignment)
                && Objects.equals(characterStyle, other.characterStyle)
                && Objects.equals(endOfLineFlag, other.endOfLineFlag) && Objects.equals(text, other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alignment, characterStyle, endOfLineFlag, text);
    }

    @Override
    public String toString() {
        return "OutputText[" + (text == null ? 0 : text.length()) + " chars]";
    }
}
