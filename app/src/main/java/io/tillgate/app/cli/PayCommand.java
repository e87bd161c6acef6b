package io.tillgate.app.cli;

import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.codec.P3Transaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tillgate pay}: one card payment through a P3 PayServer, with live progress. */
@Command(name = "pay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs a card payment on a terminal of a P3 PayServer (such as tillgate serve) and prints its "
                    + "progress, the result and the customer receipt.",
            "",
            "On the simulated terminals the cents of the amount choose what happens: .00-.90 approve, "
                    + ".91 declines, .92 asks for the customer's signature, .93 waits 30 s for the card "
                    + "(press Ctrl-C to abort), .94 is cancelled by the customer, .95 never answers, "
                    + ".96 drops the connection before the result (the client recovers it), .98 reads the "
                    + "card twice, .99 fails.",
            "",
            "Ctrl-C aborts while the terminal still allows it; a second Ctrl-C stops waiting and prints the "
                    + "tag to look the result up with tillgate query.",
            "Exit codes: 0 approved, 1 declined/aborted/failed, 2 usage error, 3 connection or login error, "
                    + "130 stopped by Ctrl-C."},
        footer = {"", "Examples:",
            "  tillgate pay --amount 12.00",
            "  tillgate pay --amount 12.92 --signature on-receipt --subject \"Coffee\"",
            "  tillgate pay --amount 5.93 --device sim-2 --url tcp://localhost:8081",
            "  tillgate pay --amount 40.00 --no-capture --json     (capture it later with tillgate capture)"})
public final class PayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT",
            description = "Amount in major units, e.g. 12.34 (at most the currency's decimals).")
    private String amount;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "EUR",
            description = "ISO 4217 currency. Default: ${DEFAULT-VALUE}.")
    private String currency;

    @Option(names = "--device", paramLabel = "ID",
            description = "Terminal to pay on. Default: the merchant's first device.")
    private String device;

    @Option(names = "--subject", paramLabel = "TEXT", description = "Description printed on the receipt.")
    private String subject;

    @Option(names = "--custom-id", paramLabel = "REF",
            description = "Your own reference for the payment; tillgate query --custom-id finds it.")
    private String customId;

    @Option(names = "--no-capture",
            description = "Only authorise: a pre-authorisation (autoCapture=false), captured later with "
                    + "tillgate capture.")
    private boolean noCapture;

    @Option(names = "--signature", paramLabel = "HOW", defaultValue = "ask",
            converter = SignatureAnswer.Converter.class,
            description = "Answer to a customer-signature request: ask (prompt; without a console the "
                    + "customer signs the receipt), on-receipt, image:FILE.png, or abort. Default: ${DEFAULT-VALUE}.")
    private SignatureAnswer signature;

    @Option(names = "--merchant-receipt", description = "Also print the merchant receipt.")
    private boolean merchantReceipt;

    @Option(names = "--json", description = "Print one JSON document (docs/cli-json.md) instead of text; the "
            + "progress goes to standard error.")
    private boolean json;

    @Mixin
    private ClientOptions client;

    /** The document of {@code pay --json}; {@code error} is set when the payment has no final result. */
    record Document(String tag, Device device, JsonTransaction transaction, JsonError error) {
    }

    /** The device paid on. */
    record Device(String id, String name) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter progress = json ? err : out;
        Money money = Amounts.parse(spec.commandLine(), amount, currency);
        byte[] signatureImage = readSignatureImage();
        ChargeRequest request = null;
        Device target = null;
        try (PayClient payClient = client.connect()) {
            P3Device chosen = chooseDevice(payClient.devices());
            target = new Device(chosen.identifier(), chosen.name());
            request = ChargeRequest.of(chosen.identifier(), money)
                    .withSubject(subject)
                    .withCustomIdentifier(customId)
                    .withAutoCapture(!noCapture);
            progress.println("Paying " + money + " on " + chosen.identifier() + " (" + chosen.name() + "), tag "
                    + request.tag());
            progress.flush();
            P3Transaction transaction =
                    new ChargeConsole(payClient, request, signature, signatureImage, progress, err).run();
            if (json) {
                JsonOutput.print(out, new Document(request.tag(), target, JsonTransaction.of(transaction), null));
            } else {
                out.println(TransactionPrinter.result(transaction));
                TransactionPrinter.receipts(out, transaction, merchantReceipt);
            }
            return TransactionOutcomes.exitCode(transaction);
        } catch (CliException e) {
            String tag = request == null ? null : request.tag();
            Device device = target;
            return JsonOutput.failure(out, err, "pay", e, json, error -> new Document(tag, device, null, error));
        }
    }

    private byte[] readSignatureImage() {
        if (signature.kind() != SignatureAnswer.Kind.IMAGE) {
            return null;
        }
        try {
            return Files.readAllBytes(signature.image());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--signature: cannot read " + signature.image()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private P3Device chooseDevice(List<P3Device> devices) throws CliException {
        if (devices.isEmpty()) {
            throw new CliException(ExitCodes.CONNECTION, "merchant " + client.merchant() + " has no devices");
        }
        if (device == null) {
            return devices.get(0);
        }
        return devices.stream()
                .filter(d -> device.equals(d.identifier()) || device.equals(d.resource()))
                .findFirst()
                .orElseThrow(() -> new CliException(ExitCodes.USAGE, "unknown device '" + device + "'; merchant "
                        + client.merchant() + " has " + devices.stream()
                                .map(d -> d.identifier() + " (" + d.name() + ")")
                                .collect(Collectors.joining(", "))));
    }
}
