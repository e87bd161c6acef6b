package com.example.pos;

import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ActionRequest;
import io.tillgate.p3.client.BlockingPayClient;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.P3ErrorException;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.PayClientException;
import io.tillgate.p3.client.TransactionAction;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionOutcomeUnknownException;
import io.tillgate.p3.client.TransactionResult;
import io.tillgate.p3.client.TransactionUpdate;
import io.tillgate.p3.codec.P3Device;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A till paying one amount through a Tillgate gateway with {@code tillgate-client}: connects, logs
 * the merchant in, charges the amount on the first device, prints each update as the terminal shows
 * it, has the customer sign the receipt when the terminal asks, and prints the outcome.
 *
 * <pre>
 * java -jar target/maven-pos.jar [--gateway URI]... [--merchant ID] [--secret SECRET] AMOUNT [CURRENCY]
 * </pre>
 *
 * Exit codes: 0 approved, 1 not approved, 2 usage error, 3 no answer (connection, login, unknown outcome).
 */
public final class PayAtTheTill {

    private PayAtTheTill() {
    }

    public static void main(String[] args) {
        List<URI> gateways = new ArrayList<>();
        String merchant = "demo";
        String secret = "tillgate-demo-secret";
        List<String> positional = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--gateway" -> gateways.add(URI.create(args[++i]));
                    case "--merchant" -> merchant = args[++i];
                    case "--secret" -> secret = args[++i];
                    default -> positional.add(args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            usage("an option lacks its value or a gateway URI is malformed");
        }
        if (positional.isEmpty() || positional.size() > 2) {
            usage("give the amount to charge, e.g. 12.00, and optionally its currency");
        }
        if (gateways.isEmpty()) {
            gateways.add(URI.create("ws://localhost:8080/p3"));
        }
        Money amount;
        try {
            amount = Money.ofMajor(positional.get(0), positional.size() > 1 ? positional.get(1) : "EUR");
        } catch (RuntimeException e) {
            usage("not an amount: " + e.getMessage());
            return;
        }
        System.exit(pay(gateways, merchant, secret, amount));
    }

    static int pay(List<URI> gateways, String merchant, String secret, Money amount) {
        try (PayClient client = PayClient.builder(gateways).build()) {
            BlockingPayClient till = client.blocking(Duration.ofMinutes(4));
            till.connect();
            List<P3Device> devices = till.login(merchant, secret);
            if (devices.isEmpty()) {
                System.err.println("merchant " + merchant + " has no devices");
                return 3;
            }
            P3Device device = devices.get(0);
            ChargeRequest charge = ChargeRequest.of(device.identifier(), amount);
            // A real till stores the tag before sending: it finds the payment again whatever happens.
            System.out.println("Charging " + amount + " on " + device.identifier() + " through "
                    + client.endpoint() + ", tag " + charge.tag());

            TransactionResult result = till.charge(charge, new TransactionListener() {
                @Override
                public void onUpdate(TransactionUpdate update) {
                    System.out.println("  " + String.join(" | ", update.information().stream()
                            .filter(line -> !line.isBlank()).toList())
                            + (update.abortable() ? "   (may be cancelled)" : ""));
                }

                @Override
                public void onAction(ActionRequest action) {
                    if (action.action() == TransactionAction.CUSTOMER_SIGNATURE) {
                        System.out.println("  The customer signs the printed receipt");
                        action.signOnReceipt();
                    } else {
                        System.out.println("  The terminal asks for " + action.rawAction() + "; cancelling");
                        action.abort();
                    }
                }

                @Override
                public void onRecovering(String tag, PayClientException cause) {
                    System.out.println("  Connection lost; fetching the result of " + tag + " …");
                }
            });

            System.out.println(result.status() + "  id=" + result.identifier());
            if (result.transaction().customerReceipt() != null) {
                result.transaction().customerReceipt().lines().forEach(line -> System.out.println("  | " + line));
            }
            return result.isApproved() ? 0 : 1;
        } catch (P3ErrorException e) {
            System.err.println("Refused: " + e.getMessage());
            return e.transaction().isPresent() ? 1 : 3;
        } catch (TransactionOutcomeUnknownException e) {
            System.err.println("Outcome unknown: " + e.getMessage());
            return 3;
        } catch (PayClientException e) {
            System.err.println("Payment failed: " + e.getMessage());
            return 3;
        }
    }

    private static void usage(String problem) {
        System.err.println("maven-pos: " + problem);
        System.err.println("usage: java -jar maven-pos.jar [--gateway URI]... [--merchant ID] [--secret SECRET]"
                + " AMOUNT [CURRENCY]");
        System.exit(2);
    }
}
