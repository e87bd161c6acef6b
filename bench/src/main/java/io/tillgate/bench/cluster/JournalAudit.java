package io.tillgate.bench.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds the storm's payments against the journal rows, read directly over JDBC: no payment lost,
 * none charged twice, every answer the POS got is what the journal says.
 */
final class JournalAudit {

    /** One transaction row. */
    record Row(String id, String reference, String terminal, long amountMinor, String state) {
    }

    /**
     * What was checked and every violation found, each naming its payment; {@code unknown} lists the
     * payments answered INCONCLUSIVE that the journal consistently holds as UNKNOWN for an operator:
     * neither lost nor charged twice, but not settled either, so they are reported apart.
     */
    record Result(int payments, int rows, int approved, int declined, int answeredByQuery, int recoveredByClient,
                  List<String> unknown, List<String> violations) {
    }

    private JournalAudit() {
    }

    static Result check(Connection journal, String merchant, List<StormPayment> payments) throws SQLException {
        Map<String, List<Row>> byReference = new HashMap<>();
        int rowCount = 0;
        try (PreparedStatement select = journal.prepareStatement(
                "SELECT id, reference, terminal_id, amount_minor, state FROM transactions WHERE merchant_id = ?")) {
            select.setString(1, merchant);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Row row = new Row(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getString(5));
                    byReference.computeIfAbsent(row.reference(), r -> new ArrayList<>()).add(row);
                    rowCount++;
                }
            }
        }
        List<String> violations = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> ours = new HashSet<>();
        int approved = 0;
        int declined = 0;
        int byQuery = 0;
        int recovered = 0;
        for (StormPayment payment : payments) {
            ours.add(payment.customIdentifier());
            List<Row> rows = byReference.getOrDefault(payment.customIdentifier(), List.of());
            String name = payment.customIdentifier() + " (tag " + payment.tag() + ", " + payment.terminal() + ")";
            long approvedRows = rows.stream().filter(r -> r.state().equals("APPROVED")).count();
            if (rows.size() > 1) {
                // every send of a payment carries its one tag: a second row means a second transaction
                violations.add("SECOND TRANSACTION: " + name + " has " + rows.size() + " journal rows: "
                        + describe(rows));
            }
            if (approvedRows > 1) {
                violations.add("CHARGED TWICE: " + name + " has " + approvedRows + " APPROVED rows");
            }
            rows.stream().filter(r -> !isFinal(r.state()) && !r.state().equals("UNKNOWN"))
                    .forEach(r -> violations.add("STUCK: " + name + ": journal row " + r.id() + " is still "
                            + r.state()));
            if (!payment.answered()) {
                violations.add("LOST: " + name + " got no final answer after " + payment.attempts()
                        + " attempt(s): " + payment.problem() + "; journal: " + describe(rows));
                continue;
            }
            if (payment.via().equals("query")) {
                byQuery++;
            }
            if (payment.recovered()) {
                recovered++;
            }
            Row answered = rows.stream().filter(r -> r.id().equals(payment.identifier())).findFirst().orElse(null);
            if (answered == null) {
                violations.add("MISMATCH: " + name + " was answered " + payment.status() + " as transaction "
                        + payment.identifier() + ", which the journal does not hold for it; journal: "
                        + describe(rows));
                continue;
            }
            if (!p3Status(answered.state()).equals(payment.status())) {
                violations.add("MISMATCH: " + name + " was answered " + payment.status() + ", the journal says "
                        + answered.state() + " for " + answered.id());
            }
            if (answered.amountMinor() != payment.amountMinor()) {
                violations.add("MISMATCH: " + name + " paid " + payment.amountMinor() + " minor units, the journal "
                        + "holds " + answered.amountMinor());
            }
            if (!payment.status().equals("APPROVED") && approvedRows > 0) {
                violations.add("CHARGED UNANSWERED: " + name + " was answered " + payment.status()
                        + " but the journal has it APPROVED: " + describe(rows));
            }
            switch (payment.status()) {
                case "APPROVED" -> approved++;
                case "DECLINED" -> declined++;
                case "INCONCLUSIVE" -> unknown.add(name + ": transaction " + answered.id() + " answered INCONCLUSIVE, "
                        + "UNKNOWN in the journal for an operator");
                default -> violations.add("UNEXPECTED: " + name + " was answered " + payment.status());
            }
        }
        for (Map.Entry<String, List<Row>> entry : byReference.entrySet()) {
            if (!ours.contains(entry.getKey())) {
                violations.add("STRAY: journal rows no payment of the storm made: " + describe(entry.getValue()));
            }
        }
        return new Result(payments.size(), rowCount, approved, declined, byQuery, recovered, unknown, violations);
    }

    /** The P3 status the gateway answers for a journal state. */
    static String p3Status(String state) {
        return switch (state) {
            case "CREATED", "SENT", "IN_PROGRESS" -> "PENDING";
            case "FAILED" -> "ERROR";
            case "UNKNOWN" -> "INCONCLUSIVE";
            default -> state;
        };
    }

    private static boolean isFinal(String state) {
        return switch (state) {
            case "APPROVED", "DECLINED", "ABORTED", "FAILED" -> true;
            default -> false;
        };
    }

    private static String describe(List<Row> rows) {
        if (rows.isEmpty()) {
            return "no row";
        }
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            text.append(text.isEmpty() ? "" : ", ").append(row.id()).append(' ').append(row.state());
        }
        return text.toString();
    }
}
