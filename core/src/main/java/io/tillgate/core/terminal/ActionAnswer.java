package io.tillgate.core.terminal;

import java.util.Objects;

/** The POS's answer to a {@link TerminalAction}. */
public sealed interface ActionAnswer {

    /** Whether this answer fits the question asked. */
    boolean answers(TerminalAction.Type type);

    /**
     * A customer signature: a captured image, or a promise to sign the printed merchant receipt.
     *
     * @param png the signature image, or {@code null} when signed on the receipt
     */
    record Signature(byte[] png) implements ActionAnswer {

        public static Signature signedOnReceipt() {
            return new Signature(null);
        }

        public boolean onReceipt() {
            return png == null;
        }

        /**
         * A signature also answers a signature check ({@link TerminalAction.Type#CONFIRMATION}): POS
         * protocols such as P3 have no separate confirmation, and a POS that collected the signature
         * has confirmed it.
         */
        @Override
        public boolean answers(TerminalAction.Type type) {
            return type == TerminalAction.Type.SIGNATURE || type == TerminalAction.Type.CONFIRMATION;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && java.util.Arrays.equals(png, s.png);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(png);
        }

        @Override
        public String toString() {
            return onReceipt() ? "Signature[onReceipt]" : "Signature[png " + png.length + " bytes]";
        }
    }

    /** A yes or no from the merchant. */
    record Confirmation(boolean accepted) implements ActionAnswer {
        @Override
        public boolean answers(TerminalAction.Type type) {
            return type == TerminalAction.Type.CONFIRMATION;
        }
    }

    static Signature signatureImage(byte[] png) {
        return new Signature(Objects.requireNonNull(png, "png"));
    }
}
