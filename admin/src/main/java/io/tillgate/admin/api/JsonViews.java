package io.tillgate.admin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tillgate.admin.auth.Principal;
import io.tillgate.admin.terminal.TerminalView;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionRecord;
import java.time.Instant;
import java.util.List;

/**
 * The admin API's JSON, field by field: the names are the API (docs/admin-api.yaml), so they are
 * written out here rather than derived from Java records that may change.
 */
public final class JsonViews {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonViews() {
    }

    public static ObjectNode transaction(TransactionRecord t) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", t.id())
                .put("merchantId", t.merchantId())
                .put("terminalId", t.terminalId())
                .put("protocol", t.protocol())
                .put("kind", t.kind().name());
        node.set("amount", amount(t.amount()));
        node.put("reference", t.reference())
                .put("requestReference", t.requestReference())
                .put("originalTransactionId", t.originalTransactionId())
                .put("subject", t.subject())
                .put("state", t.state().name())
                .put("final", t.isFinal())
                .put("captured", t.captured())
                .put("createdAt", time(t.createdAt()))
                .put("updatedAt", time(t.updatedAt()));
        node.set("outcome", t.outcome() == null ? null : outcome(t.outcome()));
        return node;
    }

    static ObjectNode outcome(TransactionOutcome o) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("result", o.result().name())
                .put("reason", o.reason());
        node.set("approvedAmount", o.approvedAmount() == null ? null : amount(o.approvedAmount()));
        return node.put("maskedPan", o.maskedPan() == null ? null : o.maskedPan().toString())
                .put("scheme", o.scheme().name())
                .put("entryMode", o.entryMode().name())
                .put("verification", o.verification().name())
                .put("authorizationCode", o.authorisationCode())
                .put("terminalReference", o.terminalReference())
                .put("acquirerReference", o.acquirerReference());
    }

    static ObjectNode amount(Money money) {
        return MAPPER.createObjectNode()
                .put("minor", money.minorUnits())
                .put("currency", money.currency().getCurrencyCode())
                .put("text", money.toMajor().toPlainString());
    }

    static ObjectNode detail(TransactionRecord t, List<TransactionEvent> history, ReceiptPrinter.Printed receipts) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("transaction", transaction(t));
        ArrayNode events = node.putArray("history");
        for (TransactionEvent event : history) {
            events.addObject().put("state", event.state().name()).put("at", time(event.at()))
                    .put("note", event.note()).put("actor", event.actor())
                    .put("node", event.node());
        }
        ObjectNode printed = node.putObject("receipts");
        printed.put("merchant", receipts.merchant().isEmpty() ? null : String.join("\n", receipts.merchant()));
        printed.put("customer", receipts.customer().isEmpty() ? null : String.join("\n", receipts.customer()));
        return node;
    }

    public static ObjectNode terminal(TerminalView t) {
        return MAPPER.createObjectNode()
                .put("id", t.id())
                .put("name", t.name())
                .put("protocol", t.protocol())
                .put("state", t.state().name())
                .put("lastSeen", time(t.lastSeen()))
                .put("lastChecked", time(t.lastChecked()))
                .put("lastFailure", t.lastFailure())
                .put("transactionId", t.transactionId());
    }

    static ObjectNode account(Principal principal) {
        return MAPPER.createObjectNode().put("name", principal.name()).put("role", principal.role().configName());
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
