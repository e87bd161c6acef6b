package io.tillgate.p3.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A receipt's data keeps print order and cannot change under the record, however it was made. */
class P3ReceiptTest {

    private static final P3ReceiptItem AMOUNT = new P3ReceiptItem("AMOUNT", "Amount", "5.00 EUR");
    private static final P3ReceiptItem STATUS = new P3ReceiptItem("STATUS", "Status", "APPROVED");

    @Test
    void fromItemsKeysThemInOrder() {
        P3Receipt receipt = P3Receipt.fromItems(List.of(STATUS, AMOUNT), List.of("l1"), true, false);

        assertThat(receipt.data().keySet()).containsExactly("STATUS", "AMOUNT");
        assertThat(receipt.data().get("AMOUNT")).isEqualTo(AMOUNT);
        assertThat(receipt).isEqualTo(new P3Receipt(Map.of("STATUS", STATUS, "AMOUNT", AMOUNT), List.of("l1"), true,
                false));
        assertThatThrownBy(() -> receipt.data().put("X", AMOUNT)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> receipt.data().entrySet().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aCallersMapIsCopiedAndARecordsOwnIsKept() {
        LinkedHashMap<String, P3ReceiptItem> mutable = new LinkedHashMap<>();
        mutable.put("AMOUNT", AMOUNT);
        P3Receipt receipt = new P3Receipt(mutable, null, null, null);
        mutable.put("STATUS", STATUS);

        assertThat(receipt.data()).containsOnlyKeys("AMOUNT");
        assertThat(new P3Receipt(receipt.data(), null, null, null).data()).isSameAs(receipt.data());
        assertThat(receipt.data()).isEqualTo(Map.of("AMOUNT", AMOUNT)).hasSameHashCodeAs(Map.of("AMOUNT", AMOUNT));
    }
}
