package io.tillgate.app.cli;

import io.tillgate.app.config.ConfigException;
import io.tillgate.app.config.DurationText;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionRecord;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** How the journal tools print transactions and read {@code --since}. */
final class JournalView {

    private static final String ROW = "%-24s  %-32s  %-11s  %-8s  %14s  %-10s  %s%n";

    private JournalView() {
    }

    /** {@code 24h}, {@code 7d} (before now) or an ISO-8601 instant such as {@code 2026-11-23T00:00:00Z}. */
    static Instant since(String text, Clock clock) throws CliException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return clock.instant().minus(DurationText.parse("--since", text));
            } catch (ConfigException e) {
                throw new CliException(ExitCodes.USAGE, "--since '" + text
                        + "' is neither a duration (24h, 7d) nor an instant (2026-11-23T00:00:00Z)");
            }
        }
    }

    static void header(PrintWriter out) {
        out.printf(ROW, "CREATED", "ID", "STATE", "KIND", "AMOUNT", "TERMINAL", "REFERENCE / REQUEST");
    }

    static void row(PrintWriter out, TransactionRecord t) {
        out.printf(ROW, t.createdAt(), t.id(), t.state(), t.kind(), t.amount(), t.terminalId(),
                orDash(t.reference()) + " / " + t.protocol() + " " + orDash(t.requestReference()));
    }

    static void details(PrintWriter out, TransactionRecord t, Iterable<TransactionEvent> history) {
        field(out, "id", t.id());
        field(out, "state", t.state());
        field(out, "kind", t.kind());
        field(out, "amount", t.amount());
        field(out, "merchant", t.merchantId());
        field(out, "terminal", t.terminalId());
        field(out, "protocol", t.protocol());
        field(out, "request", t.requestReference());
        field(out, "reference", t.reference());
        field(out, "original", t.originalTransactionId());
        field(out, "subject", t.subject());
        field(out, "captured", t.captured());
        field(out, "created", t.createdAt());
        field(out, "updated", t.updatedAt());
        TransactionOutcome o = t.outcome();
        if (o != null) {
            field(out, "result", o.result() + (o.reason() == null ? "" : " (" + o.reason() + ")"));
            field(out, "approved", o.approvedAmount());
            field(out, "card", o.maskedPan() == null ? null : o.maskedPan() + " " + o.scheme() + " " + o.entryMode());
            field(out, "verification", o.verification());
            field(out, "auth code", o.authorisationCode());
            field(out, "terminal ref", o.terminalReference());
            field(out, "acquirer ref", o.acquirerReference());
            if (!o.rawResultCodes().isEmpty()) {
                field(out, "raw codes", o.rawResultCodes());
            }
        }
        out.println("history:");
        for (TransactionEvent event : history) {
            String by = event.actor() == null ? "" : "by " + event.actor() + (event.note() == null ? "" : ": ");
            out.printf("  %-24s  %-11s  %s%s%n", event.at(), event.state(),
                    by.isEmpty() ? orDash(event.note()) : by + Objects.toString(event.note(), ""),
                    event.node() == null ? "" : "  [node " + event.node() + "]");
        }
    }

    private static void field(PrintWriter out, String name, Object value) {
        if (value != null) {
            out.printf("%-13s %s%n", name + ":", value);
        }
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
