/**
 * PayClient: the POS side of P3 as a Java library ({@code io.tillgate:tillgate-client}), to pay
 * through a Tillgate gateway over WebSocket ({@code ws://host:port/p3}) or framed TCP
 * ({@code tcp://host:port}), or the same over TLS ({@code wss://}, {@code tls://}).
 *
 * <p>A complete till, waiting for each answer:
 *
 * <pre>{@code
 * List<URI> gateways = List.of(URI.create("ws://gw-1.shop.example:8080/p3"),
 *                              URI.create("ws://gw-2.shop.example:8080/p3"));
 * try (PayClient client = PayClient.builder(gateways).build()) {
 *     BlockingPayClient till = client.blocking(Duration.ofMinutes(4));
 *     till.connect();
 *     String device = till.login("demo", secret).get(0).identifier();
 *
 *     ChargeRequest charge = ChargeRequest.of(device, Money.ofMajor("12.00", "EUR"))
 *             .withCustomIdentifier("order-4711");
 *     orders.saveTag("order-4711", charge.tag());               // before sending: the way back to it
 *     TransactionResult payment = till.charge(charge, new TransactionListener() {
 *         public void onUpdate(TransactionUpdate update) {
 *             display.show(update.information());              // the terminal's two lines
 *             cancelButton.setEnabled(update.abortable());     // handler: update.handle().abort()
 *         }
 *         public void onAction(ActionRequest action) {
 *             if (action.action() == TransactionAction.CUSTOMER_SIGNATURE) {
 *                 action.signOnReceipt();
 *             } else {
 *                 action.abort();                              // UNRECOGNISED: rawAction() says what
 *             }
 *         }
 *     });
 *     switch (payment.status()) {
 *         case APPROVED -> printer.print(payment.transaction().customerReceipt());
 *         case DECLINED, ABORTED -> display.show("Not paid");
 *         default -> display.show("Not paid: " + payment.rawStatus());
 *     }
 *
 *     RefundRequest refund = RefundRequest.of(payment.identifier())
 *             .withAmount(Money.ofMajor("2.50", "EUR")).withTag(orders.newTag());
 *     TransactionResult refunded = till.refund(refund);
 * } catch (TransactionOutcomeUnknownException e) {
 *     // the money may have moved: look it up later with client.query(QueryKey.byTag(e.tag()))
 * } catch (P3ErrorException e) {
 *     // refused: e.type() (e.g. TRANSACTION_BUSY, UNRECOGNISED) and e.rawType() as sent
 * }
 * }</pre>
 *
 * <p>The same without waiting: {@link io.tillgate.p3.client.PayClient#charge} returns a
 * {@link io.tillgate.p3.client.TransactionHandle} at once, whose
 * {@link io.tillgate.p3.client.TransactionHandle#outcome()} is a
 * {@link java.util.concurrent.CompletableFuture}. Listener methods and futures run on the client's
 * callback executor — a thread of its own by default, never the I/O thread unless
 * {@link io.tillgate.p3.client.PayClient.Builder#callbacksOnIoThread()} asks for it — one at a time
 * and in order.
 *
 * <p>A result is never lost: when the connection drops while a charge, refund or capture runs, the
 * client reconnects (moving to the next gateway address when it has several), logs in again and
 * asks for the outcome by the request's tag (docs/protocols/p3.md §6 "Recovery after disconnect").
 * The client depends on Netty, Jackson and slf4j-api only; the application picks the logging backend.
 */
package io.tillgate.p3.client;
