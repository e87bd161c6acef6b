package io.tillgate.app.cli;

import io.tillgate.p3.client.ActionRequest;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionAction;
import io.tillgate.p3.client.TransactionHandle;
import io.tillgate.p3.client.TransactionResult;
import io.tillgate.p3.client.TransactionUpdate;
import io.tillgate.p3.codec.P3Transaction;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one charge on the console for {@code tillgate pay}: shows its progress, answers a customer
 * signature as {@code --signature} says (asking the operator by default), and turns Ctrl-C into an
 * abort while the terminal still allows one. A second Ctrl-C stops waiting and names the tag to
 * look the result up later. All of it runs on the command's thread, fed by {@link LiveTransaction}.
 */
final class ChargeConsole implements LiveTransaction.Handler {

    private static final String PROMPT = "Customer signature required — sign on the receipt? [Y/n/a=abort] ";

    private final PayClient client;
    private final ChargeRequest request;
    private final SignatureAnswer signature;
    private final byte[] signatureImage;
    private final PrintWriter out;
    private final PrintWriter err;
    private final LiveTransaction live;
    private TransactionHandle handle;
    private boolean actionPending;
    private int interrupts;

    /** @param signatureImage the PNG of {@code --signature image:FILE}, else {@code null} */
    ChargeConsole(PayClient client, ChargeRequest request, SignatureAnswer signature, byte[] signatureImage,
                  PrintWriter out, PrintWriter err) {
        this.client = client;
        this.request = request;
        this.signature = signature;
        this.signatureImage = signatureImage;
        this.out = out;
        this.err = err;
        this.live = new LiveTransaction(out);
    }

    /** Runs the charge to its end and returns the final transaction; Ctrl-C is handled from the start. */
    P3Transaction run() throws CliException {
        CompletableFuture<P3Transaction> result;
        try (CtrlC ignored = CtrlC.install(live::interrupt)) {
            handle = client.charge(request, live);
            result = handle.outcome().thenApply(TransactionResult::transaction);
            live.await(result, this);
        }
        return TransactionOutcomes.finalTransaction(result, err, "pay");
    }

    @Override
    public void onAction(ActionRequest action) {
        if (action.action() != TransactionAction.CUSTOMER_SIGNATURE) {
            say("  The terminal asks for " + action.rawAction() + ", which tillgate pay cannot answer; aborting");
            abort();
            return;
        }
        actionPending = true;
        switch (signature.kind()) {
            case ASK -> ask();
            case ON_RECEIPT -> signOnReceipt();
            case IMAGE -> submitImage(signatureImage);
            case ABORT -> {
                say("  Customer signature required; aborting (--signature abort)");
                abort();
            }
        }
    }

    @Override
    public void onInterrupt() throws CliException {
        interrupts++;
        if (interrupts > 1) {
            throw new CliException(ExitCodes.INTERRUPTED, "stopped waiting; the transaction may still complete. "
                    + "Look its result up with: tillgate query --tag " + request.tag());
        }
        TransactionUpdate last = live.lastUpdate();
        if (actionPending || last == null || last.abortable()) {
            say("Abort requested…");
            abort();
        } else {
            say("Transaction can no longer be aborted; waiting for its result");
        }
    }

    private void ask() {
        Console console = System.console();
        if (console == null) {
            say("  Customer signature required; no interactive console, so the customer signs the receipt "
                    + "(choose with --signature)");
            signOnReceipt();
            return;
        }
        while (true) {
            String answer = console.readLine(PROMPT);
            String choice = answer == null ? "y" : answer.trim().toLowerCase(Locale.ROOT);
            switch (choice) {
                case "", "y", "yes" -> {
                    signOnReceipt();
                    return;
                }
                case "a", "abort" -> {
                    abort();
                    return;
                }
                case "n", "no" -> {
                    byte[] png = readImage(console);
                    if (png != null) {
                        submitImage(png);
                        return;
                    }
                }
                default -> say("  Answer y (sign the receipt), n (give a signature image) or a (abort)");
            }
        }
    }

    private byte[] readImage(Console console) {
        String file = console.readLine("Signature image (PNG file; empty to go back): ");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return Files.readAllBytes(Path.of(file.trim()));
        } catch (IOException | RuntimeException e) {
            say("  Cannot read " + file.trim() + ": " + e.getMessage());
            return null;
        }
    }

    private void signOnReceipt() {
        say("  Customer signs the printed receipt");
        actionPending = false;
        report(handle.signOnReceipt(), "Signature");
    }

    private void submitImage(byte[] png) {
        say("  Sending the signature image (" + png.length + " bytes)");
        actionPending = false;
        report(handle.submitSignature(png), "Signature");
    }

    private void abort() {
        report(handle.abort(), "Abort");
    }

    /** Reports a refused follow-up request; the charge's own result still decides the outcome. */
    private void report(CompletableFuture<Void> followUp, String what) {
        followUp.whenComplete((ignored, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                live.note("  " + what + " refused: " + cause.getMessage() + "; waiting for the result");
            }
        });
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
