package io.tillgate.app.cli;

import io.tillgate.core.money.Money;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.RefundRequest;
import io.tillgate.p3.client.TransactionResult;
import io.tillgate.p3.codec.P3Transaction;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tillgate refund}: refunds an earlier payment, in full or in part. */
@Command(name = "refund", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Refunds an earlier payment (P3 AMEND_TRANSACTION, type REFUND) back to the card it was paid "
                    + "with; no card is presented. Without --amount the whole payment is refunded.",
            "Prints the progress, the refund's result and its customer receipt.",
            "Exit codes: 0 approved, 1 refused or failed, 2 usage error, 3 connection or login error."},
        footer = {"", "Examples:",
            "  tillgate refund --transaction 97a293ca3b804d639d8552962e0e3522",
            "  tillgate refund --transaction 97a293ca3b804d639d8552962e0e3522 --amount 2.50 --custom-id R-17"})
public final class RefundCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--transaction", required = true, paramLabel = "ID",
            description = "Identifier of the payment to refund (the id= of tillgate pay).")
    private String transaction;

    @Option(names = "--amount", paramLabel = "AMOUNT",
            description = "Amount of a partial refund in major units. Default: the whole payment.")
    private String amount;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "EUR",
            description = "ISO 4217 currency of --amount. Default: ${DEFAULT-VALUE}.")
    private String currency;

    @Option(names = "--subject", paramLabel = "TEXT", description = "Description printed on the receipt.")
    private String subject;

    @Option(names = "--custom-id", paramLabel = "REF", description = "Your own reference for the refund.")
    private String customId;

    @Option(names = "--tag", paramLabel = "TAG", description = "Request tag to look the refund up by later "
            + "(tillgate query --tag), e.g. one your POS stored first. Default: a random UUID, printed.")
    private String tag;

    @Option(names = "--merchant-receipt", description = "Also print the merchant receipt.")
    private boolean merchantReceipt;

    @Option(names = "--json", description = "Print one JSON document (docs/cli-json.md) instead of text; the "
            + "progress goes to standard error.")
    private boolean json;

    @Mixin
    private ClientOptions client;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter progress = json ? err : out;
        Money money = amount == null ? null : Amounts.parse(spec.commandLine(), amount, currency);
        try (PayClient payClient = client.connect()) {
            RefundRequest request = new RefundRequest(transaction, money, subject, customId, tag);
            progress.println("Refunding " + (money == null ? "in full" : money) + " of transaction " + transaction
                    + ", tag " + request.tag());
            progress.flush();
            LiveTransaction live = new LiveTransaction(progress);
            CompletableFuture<P3Transaction> result =
                    payClient.refund(request, live).outcome().thenApply(TransactionResult::transaction);
            live.await(result, LiveTransaction.NO_QUESTIONS);
            P3Transaction refund = TransactionOutcomes.finalTransaction(result, err, "refund");
            if (json) {
                JsonOutput.print(out, new TransactionDocument(JsonTransaction.of(refund), null));
            } else {
                out.println(TransactionPrinter.result(refund));
                TransactionPrinter.receipts(out, refund, merchantReceipt);
            }
            return TransactionOutcomes.exitCode(refund);
        } catch (CliException e) {
            return JsonOutput.failure(out, err, "refund", e, json, error -> new TransactionDocument(null, error));
        }
    }
}
