package io.tillgate.p3.codec;

import java.math.BigDecimal;

/** One step object; both steps share these optional fields (docs/protocols/p3.md §3.2). */
public record ProcessStep(
        BigDecimal suggestedAmount,
        BigDecimal maxTipAmount,
        Boolean showAddTipConfirmationScreen,
        Boolean showTotalAmountConfirmationScreen) {
}
