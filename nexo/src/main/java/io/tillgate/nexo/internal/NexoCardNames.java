package io.tillgate.nexo.internal;

import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.EntryMode;
import io.tillgate.core.terminal.TerminalPhase;
import java.util.Locale;

/**
 * How Tillgate's card vocabulary reads in nexo: PaymentBrand ({@code "01,Visa"}), EntryMode, and
 * display texts. Both ends use this, so what one writes the other reads back.
 */
public final class NexoCardNames {

    private NexoCardNames() {
    }

    /** {@code 01,<name>}: 01 = payment card (docs/protocols/nexo.md §4). */
    public static String paymentBrand(CardScheme scheme) {
        String name = switch (scheme) {
            case VISA -> "Visa";
            case VISA_ELECTRON -> "Visa Electron";
            case MASTERCARD -> "Mastercard";
            case MAESTRO -> "Maestro";
            case AMERICAN_EXPRESS -> "American Express";
            case CB -> "CB";
            case UNKNOWN -> "Card";
        };
        return "01," + name;
    }

    /** The scheme a PaymentBrand names, by its product name after the comma. */
    public static CardScheme scheme(String paymentBrand) {
        if (paymentBrand == null) {
            return CardScheme.UNKNOWN;
        }
        String name = paymentBrand.substring(paymentBrand.indexOf(',') + 1).toLowerCase(Locale.ROOT);
        if (name.contains("electron")) {
            return CardScheme.VISA_ELECTRON;
        } else if (name.contains("visa")) {
            return CardScheme.VISA;
        } else if (name.contains("mastercard")) {
            return CardScheme.MASTERCARD;
        } else if (name.contains("maestro")) {
            return CardScheme.MAESTRO;
        } else if (name.contains("american express") || name.contains("amex")) {
            return CardScheme.AMERICAN_EXPRESS;
        } else if (name.equals("cb") || name.contains("carte bancaire")) {
            return CardScheme.CB;
        }
        return CardScheme.UNKNOWN;
    }

    public static String entryMode(EntryMode mode) {
        return switch (mode) {
            case CHIP -> "ICC";
            case CONTACTLESS -> "Contactless";
            case MAGSTRIPE -> "MagStripe";
            case MANUAL -> "Keyed";
            case UNKNOWN -> null;
        };
    }

    public static EntryMode entryMode(String nexo) {
        if (nexo == null) {
            return EntryMode.UNKNOWN;
        }
        return switch (nexo.split(" ")[0]) {
            case "ICC", "SynchronousICC" -> EntryMode.CHIP;
            case "Contactless", "RFID", "Tapped", "Mobile" -> EntryMode.CONTACTLESS;
            case "MagStripe" -> EntryMode.MAGSTRIPE;
            case "Keyed", "Manual" -> EntryMode.MANUAL;
            default -> EntryMode.UNKNOWN;
        };
    }

    /**
     * A display line as {@code <textId>,<text>} (the form docs/protocols/nexo.md §4 reports for terminal texts),
     * the text id being the phase so the POS side can tell where the card flow is.
     */
    public static String displayLine(TerminalPhase phase, String text) {
        return phase.name() + "," + text;
    }

    /** The text of a display line without its text id. */
    public static String displayText(String line) {
        int comma = line.indexOf(',');
        return comma > 0 && isTextId(line.substring(0, comma)) ? line.substring(comma + 1) : line;
    }

    /** The phase a display line's text id names, else a guess from its wording. */
    public static TerminalPhase phase(String line) {
        int comma = line.indexOf(',');
        if (comma > 0) {
            try {
                return TerminalPhase.valueOf(line.substring(0, comma));
            } catch (IllegalArgumentException notAPhase) {
                // A terminal's own text id: fall back to the wording.
            }
        }
        String text = displayText(line).toLowerCase(Locale.ROOT);
        if (text.contains("pin")) {
            return TerminalPhase.WAITING_FOR_PIN;
        } else if (text.contains("present") || text.contains("insert") || text.contains("card")) {
            return text.contains("remove") ? TerminalPhase.WAITING_FOR_CARD_REMOVAL : TerminalPhase.WAITING_FOR_CARD;
        } else if (text.contains("wait") || text.contains("welcome")) {
            return TerminalPhase.INITIALIZING;
        }
        return TerminalPhase.PROCESSING;
    }

    private static boolean isTextId(String id) {
        return id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }
}
