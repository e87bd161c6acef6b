package io.tillgate.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.tillgate.admin.auth.Principal;
import io.tillgate.admin.http.AdminRequest;
import io.tillgate.admin.http.AdminResponse;
import io.tillgate.core.transaction.OperatorResolution;
import io.tillgate.core.transaction.PublishingTransactionStore;
import io.tillgate.core.transaction.TransactionQuery;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/transactions}: searching the journal, one transaction with its history and receipts, an
 * export, and an operator's resolution of an UNKNOWN transaction, which records the signed-in account
 * as its actor. Every method but {@link #resolve} reads the journal and runs on the blocking executor.
 */
public final class TransactionsApi {

    /** What one page of the list holds at most. */
    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 100;
    /** An operator's note: a ticket number and a sentence, not an essay. */
    static final int MAX_NOTE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(TransactionsApi.class);

    private final PublishingTransactionStore journal;
    private final ReceiptPrinter receipts;
    private final Executor blocking;
    private final Clock clock;

    public TransactionsApi(PublishingTransactionStore journal, ReceiptPrinter receipts, Executor blocking,
            Clock clock) {
        this.journal = journal;
        this.receipts = receipts;
        this.blocking = blocking;
        this.clock = clock;
    }

    AdminResponse list(AdminRequest request) {
        try {
            TransactionQuery query = query(request, DEFAULT_PAGE, MAX_PAGE);
            ObjectNode body = JsonViews.MAPPER.createObjectNode();
            ArrayNode list = body.putArray("transactions");
            journal.search(query).forEach(t -> list.add(JsonViews.transaction(t)));
            return AdminResponse.ok(body);
        } catch (IllegalArgumentException e) {
            return AdminResponse.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
    }

    AdminResponse export(AdminRequest request) {
        try {
            String format = request.parameter("format").orElse("csv");
            if (!format.equals("csv") && !format.equals("json")) {
                throw new IllegalArgumentException("format must be csv or json, not '" + format + "'");
            }
            TransactionQuery query = query(request, TransactionQuery.MAX_LIMIT, TransactionQuery.MAX_LIMIT);
            List<ExportRow> rows = journal.search(query).stream().map(ExportRow::of).toList();
            boolean csv = format.equals("csv");
            String name = "tillgate-transactions-" + clock.instant().toString().replace(':', '-') + "." + format;
            return new AdminResponse(HttpResponseStatus.OK, csv ? "text/csv; charset=utf-8" : AdminResponse.JSON,
                    ExportRow.write(rows, csv).getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Disposition", "attachment; filename=\"" + name + "\""));
        } catch (IllegalArgumentException e) {
            return AdminResponse.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
    }

    AdminResponse detail(String id) {
        return journal.findById(id).map(this::detail).orElseGet(() -> unknown(id));
    }

    private AdminResponse detail(TransactionRecord transaction) {
        return AdminResponse.ok(JsonViews.detail(transaction, journal.history(transaction.id()),
                receipts.print(transaction)));
    }

    CompletableFuture<AdminResponse> resolve(String id, AdminRequest request, Principal principal) {
        boolean approved;
        String note;
        try {
            JsonNode body = JsonViews.MAPPER.readTree(request.body());
            String result = body == null ? null : body.path("result").textValue();
            note = body == null ? null : body.path("note").textValue();
            if (!"APPROVED".equals(result) && !"DECLINED".equals(result)) {
                return AdminApi.completed(AdminResponse.error(HttpResponseStatus.BAD_REQUEST,
                        "result must be APPROVED (the money moved) or DECLINED (it did not)"));
            }
            approved = result.equals("APPROVED");
        } catch (IOException e) {
            return AdminApi.completed(AdminResponse.error(HttpResponseStatus.BAD_REQUEST,
                    "the body must be JSON: {\"result\": \"APPROVED\" or \"DECLINED\", \"note\": ...}"));
        }
        if (note == null || note.isBlank() || note.length() > MAX_NOTE) {
            return AdminApi.completed(AdminResponse.error(HttpResponseStatus.BAD_REQUEST, "a note of 1 to " + MAX_NOTE
                    + " characters is required: what the acquirer's records show, a ticket number"));
        }
        String why = note.strip();
        return CompletableFuture.supplyAsync(() -> journal.findById(id), blocking).thenCompose(found -> {
            if (found.isEmpty()) {
                return AdminApi.completed(unknown(id));
            }
            TransactionRecord settled;
            try {
                settled = OperatorResolution.settle(found.get(), approved, clock.instant());
            } catch (IllegalStateException e) {
                return AdminApi.completed(AdminResponse.error(HttpResponseStatus.CONFLICT, e.getMessage()));
            }
            return journal.update(settled, why, principal.actor()).thenApplyAsync(written -> {
                LOG.info("Transaction {} resolved as {} by {}", id, settled.state(), principal.actor());
                return detail(settled);
            }, blocking);
        });
    }

    private static AdminResponse unknown(String id) {
        return AdminResponse.error(HttpResponseStatus.NOT_FOUND, "no transaction " + id + " in the journal");
    }

    /** The query the parameters describe; an IllegalArgumentException names the parameter that is wrong. */
    static TransactionQuery query(AdminRequest request, int defaultLimit, int maxLimit) {
        TransactionState state = request.parameter("state").map(TransactionsApi::state).orElse(null);
        boolean unresolved = request.parameter("unresolved").map(TransactionsApi::flag).orElse(false);
        Instant from = request.parameter("from").map(text -> time("from", text)).orElse(null);
        Instant to = request.parameter("to").map(text -> time("to", text)).orElse(null);
        int limit = request.parameter("limit").map(text -> limit(text, maxLimit)).orElse(defaultLimit);
        Optional<String> merchant = request.parameter("merchant");
        Optional<String> terminal = request.parameter("terminal");
        Optional<String> reference = request.parameter("reference");
        return new TransactionQuery(merchant.orElse(null), terminal.orElse(null), state, unresolved,
                reference.orElse(null), from, to, limit);
    }

    private static TransactionState state(String text) {
        try {
            return TransactionState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state must be one of " + List.of(TransactionState.values())
                    + ", not '" + text + "'");
        }
    }

    private static boolean flag(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("unresolved must be true or false, not '" + text + "'");
        };
    }

    private static Instant time(String name, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 UTC time such as 2026-12-06T09:00:00Z, "
                    + "not '" + text + "'");
        }
    }

    private static int limit(String text, int max) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Answered below, as any other limit out of range.
        }
        throw new IllegalArgumentException("limit must be a number from 1 to " + max + ", not '" + text + "'");
    }
}
