package io.tillgate.app.cli;

import io.tillgate.core.money.Money;
import io.tillgate.p3.client.CaptureRequest;
import io.tillgate.p3.client.PayClient;
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

/** {@code tillgate capture}: captures a pre-authorisation, in full or in part. */
@Command(name = "capture", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Captures a pre-authorisation (a payment made with tillgate pay --no-capture) so that its funds are "
                    + "collected (P3 AMEND_TRANSACTION, type CAPTURE); no card is presented. Without --amount the "
                    + "whole authorised amount is captured; a capture is made once.",
            "Prints the progress and the pre-authorisation as it now stands (captured=true).",
            "Exit codes: 0 captured, 1 refused (unknown, not a pre-authorisation, already captured, amount over "
                    + "the authorisation) or failed, 2 usage error, 3 connection or login error."},
        footer = {"", "Examples:",
            "  tillgate capture --transaction 97a293ca3b804d639d8552962e0e3522",
            "  tillgate capture --transaction 97a293ca3b804d639d8552962e0e3522 --amount 35.50 --json"})
public final class CaptureCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--transaction", required = true, paramLabel = "ID",
            description = "Identifier of the pre-authorisation (the id= of tillgate pay --no-capture).")
    private String transaction;

    @Option(names = "--amount", paramLabel = "AMOUNT",
            description = "Amount to capture in major units, at most the authorised one. Default: all of it.")
    private String amount;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "EUR",
            description = "ISO 4217 currency of --amount. Default: ${DEFAULT-VALUE}.")
    private String currency;

    @Option(names = "--tag", paramLabel = "TAG", description = "Request tag to look the capture up by later "
            + "(tillgate query --tag). Default: a random UUID, printed.")
    private String tag;

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
            CaptureRequest request = new CaptureRequest(transaction, money, tag);
            progress.println("Capturing " + (money == null ? "in full" : money) + " of transaction " + transaction
                    + ", tag " + request.tag());
            progress.flush();
            LiveTransaction live = new LiveTransaction(progress);
            CompletableFuture<P3Transaction> result =
                    payClient.capture(request, live).outcome().thenApply(TransactionResult::transaction);
            live.await(result, LiveTransaction.NO_QUESTIONS);
            P3Transaction captured = TransactionOutcomes.finalTransaction(result, err, "capture");
            int exitCode = exitCode(captured);
            if (exitCode != ExitCodes.OK) {
                err.println("tillgate capture: transaction " + transaction + " is not captured");
                err.flush();
            }
            if (json) {
                JsonOutput.print(out, new TransactionDocument(JsonTransaction.of(captured), null));
            } else {
                out.println(TransactionPrinter.result(captured) + "  captured=" + captured.captured());
            }
            return exitCode;
        } catch (CliException e) {
            return JsonOutput.failure(out, err, "capture", e, json, error -> new TransactionDocument(null, error));
        }
    }

    /**
     * The PayServer answers a capture with the pre-authorisation itself, which stays APPROVED even
     * if the capture failed: only {@code captured} tells.
     */
    private static int exitCode(P3Transaction answer) {
        return TransactionOutcomes.exitCode(answer) == ExitCodes.OK && Boolean.TRUE.equals(answer.captured())
                ? ExitCodes.OK : ExitCodes.NOT_APPROVED;
    }
}
