package io.tillgate.app.cli;

import io.tillgate.p3.client.ErrorType;
import io.tillgate.p3.client.P3ErrorException;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.PayClientException;
import io.tillgate.p3.client.QueryKey;
import io.tillgate.p3.codec.P3Transaction;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tillgate query}: looks a stored transaction up, e.g. after a payment lost its connection. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Looks a transaction up on a Tillgate PayServer (QUERY_TRANSACTION, a Tillgate extension of P3) "
                    + "and prints its status, amount, card, authorisation code and customer receipt.",
            "Use it when tillgate pay was stopped or lost its connection: it printed the request tag to use.",
            "Exit codes: 0 found (whatever its status), 1 not found, 2 usage error, 3 connection or login error."},
        footer = {"", "Examples:",
            "  tillgate query --tag 3f6c2a1e-8d7b-4c55-9a0e-2b1d4f6e8a90",
            "  tillgate query --id 97a293ca3b804d639d8552962e0e3522",
            "  tillgate query --custom-id ORDER-1234"})
public final class QueryCommand implements Callable<Integer> {

    /** Exactly one key to look up by. */
    static final class Key {
        @Option(names = "--tag", paramLabel = "TAG",
                description = "Tag of the original request (tillgate pay prints it).")
        String tag;

        @Option(names = "--id", paramLabel = "ID", description = "Transaction identifier (the id= of the result).")
        String identifier;

        @Option(names = "--custom-id", paramLabel = "REF", description = "Your own reference (--custom-id of pay).")
        String customIdentifier;

        QueryKey toQueryKey() {
            if (tag != null) {
                return QueryKey.byTag(tag);
            }
            return identifier != null
                    ? QueryKey.byIdentifier(identifier)
                    : QueryKey.byCustomIdentifier(customIdentifier);
        }
    }

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Key key;

    @Option(names = "--merchant-receipt", description = "Also print the merchant receipt.")
    private boolean merchantReceipt;

    @Option(names = "--json", description = "Print one JSON document (docs/cli-json.md) instead of text.")
    private boolean json;

    @Mixin
    private ClientOptions client;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        QueryKey queryKey = key.toQueryKey();
        try (PayClient payClient = client.connect()) {
            P3Transaction transaction = lookUp(payClient, queryKey);
            if (json) {
                JsonOutput.print(out, new TransactionDocument(JsonTransaction.of(transaction), null));
            } else {
                out.println(TransactionPrinter.result(transaction));
                out.println(details(transaction));
                TransactionPrinter.receipts(out, transaction, merchantReceipt);
            }
            return ExitCodes.OK;
        } catch (CliException e) {
            return JsonOutput.failure(out, spec.commandLine().getErr(), "query", e, json,
                    error -> new TransactionDocument(null, error));
        }
    }

    private static P3Transaction lookUp(PayClient payClient, QueryKey queryKey) throws CliException {
        try {
            return payClient.query(queryKey).join().transaction();
        } catch (CompletionException e) {
            if (e.getCause() instanceof P3ErrorException error
                    && error.isType(ErrorType.TRANSACTION_REFERENCE_NOT_FOUND)) {
                throw new CliException(ExitCodes.NOT_APPROVED, "no transaction with " + queryKey + " ("
                        + TransactionOutcomes.describe(error) + ")", error.rawType());
            }
            if (e.getCause() instanceof P3ErrorException error) {
                throw new CliException(ExitCodes.CONNECTION, TransactionOutcomes.describe(error), error.rawType());
            }
            if (e.getCause() instanceof PayClientException failure) {
                throw new CliException(ExitCodes.CONNECTION, failure.getMessage());
            }
            throw e;
        }
    }

    /** {@code   type=REFUND  customIdentifier=R-17  refers to=<original id>}, leaving out what is unknown. */
    private static String details(P3Transaction transaction) {
        StringBuilder line = new StringBuilder("  type=").append(transaction.type());
        if (transaction.customIdentifier() != null) {
            line.append("  customIdentifier=").append(transaction.customIdentifier());
        }
        if (transaction.referencedTransactionIdentifier() != null) {
            line.append("  refers to=").append(transaction.referencedTransactionIdentifier());
        }
        return line.toString();
    }
}
