package io.tillgate.concert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.tillgate.concert.codec.ConcertDecodingException;
import io.tillgate.concert.codec.ConcertTag;
import io.tillgate.concert.codec.Ticket;
import io.tillgate.concert.codec.TicketMode;
import io.tillgate.concert.codec.TlvDecoder;
import io.tillgate.concert.codec.TlvEncoder;
import io.tillgate.concert.codec.TlvItem;
import io.tillgate.concert.codec.TlvMessage;
import io.tillgate.concert.driver.ConcertTerminal;
import io.tillgate.concert.driver.ConcertTerminalConfig;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.EntryMode;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.testkit.FrameMutator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver against terminals that answer oddly: what is believed, what becomes UNKNOWN. */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
class ConcertTerminalProtocolTest {

    private static final String CJ = "000000" + "000000";
    /** What the driver sends for a 10.00 EUR sale with the default settings. */
    private static final String SALE_REQUEST = "CZ0040320CJ012" + CJ + "CA00201CB0041000CD0010CE003978BA0010";
    private static final String ECHO = "CZ0040320CJ012" + CJ + "CA00201CB0041000CD0010CE003978BA0010";
    private static final Duration DRAIN = Duration.ofMillis(200);

    private static EventLoopGroup group;

    @BeforeAll
    static void startLoops() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopLoops() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static TransactionOutcome sale(String answer, ScriptedTerminal.Ending ending) throws Exception {
        return sale(answer, ending, ConcertTerminalConfig.DEFAULT_MAX_ANSWER_BYTES);
    }

    private static TransactionOutcome sale(String answer, ScriptedTerminal.Ending ending, int maxAnswerBytes)
            throws Exception {
        return sale(answer, ending, config -> config.withMaxAnswerBytes(maxAnswerBytes));
    }

    private static TransactionOutcome sale(String answer, ScriptedTerminal.Ending ending,
            UnaryOperator<ConcertTerminalConfig> settings) throws Exception {
        try (ScriptedTerminal fake = new ScriptedTerminal(answer, ending)) {
            ConcertTerminal terminal = new ConcertTerminal(settings.apply(ConcertTerminalConfig.defaults("concert-1",
                    "127.0.0.1", fake.port()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), DRAIN)),
                    group, DefaultAddressResolverGroup.INSTANCE);
            RecordingListener listener = new RecordingListener();
            terminal.execute(new TerminalRequest("tx-1", PaymentCommand.sale(Money.ofMinor(1000, "EUR"), null, null),
                    null), listener);
            TransactionOutcome outcome = listener.await(Duration.ofSeconds(10));
            assertThat(fake.request().get(1, TimeUnit.SECONDS)).isEqualTo(SALE_REQUEST);
            return outcome;
        }
    }

    @Test
    void aFullAnswerIsApprovedWithHashMaskedPanAndCbScheme() throws Exception {
        TransactionOutcome outcome = sale(ECHO + "AE00210CC003001CI0011AC006209511AA016497010######8277"
                + "AI014A0000000421010AB0042704CG006424242", ScriptedTerminal.Ending.ANSWER_AND_CLOSE);

        assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
        assertThat(outcome.maskedPan().value()).isEqualTo("497010******8277");
        assertThat(outcome.scheme()).isEqualTo(CardScheme.CB);
        assertThat(outcome.entryMode()).isEqualTo(EntryMode.CHIP);
        assertThat(outcome.authorisationCode()).isEqualTo("209511");
        assertThat(outcome.rawResultCodes()).containsEntry("AE", "10").containsEntry("CC", "001");
    }

    @Test
    void aCompleteAnswerOnAConnectionThatStaysOpenIsTakenWithoutTheDrainInterval() throws Exception {
        Duration drain = Duration.ofSeconds(3);
        Instant start = Instant.now();
        TransactionOutcome outcome = sale(ECHO + "AE00210CC003001CI0011AC006209511",
                ScriptedTerminal.Ending.ANSWER_AND_STAY, config -> config.withTimeouts(Duration.ofSeconds(2),
                        Duration.ofSeconds(5), drain));

        assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
        assertThat(outcome.authorisationCode()).isEqualTo("209511");
        assertThat(Duration.between(start, Instant.now())).isLessThan(drain.dividedBy(2));
    }

    @Test
    void anAnswerOnAConnectionThatStaysOpenEndsAfterTheDrainIntervalWhenTheRuleIsOff() throws Exception {
        Instant start = Instant.now();
        TransactionOutcome outcome = sale(ECHO + "AE00210", ScriptedTerminal.Ending.ANSWER_AND_STAY,
                config -> config.withDrainIntervalOnly(true));

        assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(DRAIN);
    }

    @Test
    void aRefusalWithoutItsReasonEndsAfterTheDrainInterval() throws Exception {
        Instant start = Instant.now();
        TransactionOutcome outcome = sale(ECHO + "AE00201", ScriptedTerminal.Ending.ANSWER_AND_STAY);

        assertThat(outcome.result()).isEqualTo(TransactionResult.FAILED);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(DRAIN);
    }

    @Test
    void anAnswerOnAConnectionThatStaysOpenWaitsForTheTicketsItsRequestAskedFor() throws Exception {
        Duration drain = Duration.ofSeconds(2);
        UnaryOperator<ConcertTerminalConfig> bothTickets = config -> config.withTickets(TicketMode.fromCode("120"))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), drain);
        String merchant = ticketItem(TicketMode.Copies.MERCHANT, "MERCHANT COPY");
        String customer = ticketItem(TicketMode.Copies.CUSTOMER, "CUSTOMER COPY");

        Instant start = Instant.now();
        TransactionOutcome oneTicket = sale(ECHO + "AE00210" + merchant, ScriptedTerminal.Ending.ANSWER_AND_STAY,
                bothTickets);
        assertThat(oneTicket.merchantReceipt()).containsExactly("MERCHANT COPY");
        assertThat(Duration.between(start, Instant.now())).as("one of two tickets").isGreaterThanOrEqualTo(drain);

        start = Instant.now();
        TransactionOutcome twoTickets = sale(ECHO + "AE00210" + merchant + customer,
                ScriptedTerminal.Ending.ANSWER_AND_STAY, bothTickets);
        assertThat(twoTickets.customerReceipt()).containsExactly("CUSTOMER COPY");
        assertThat(Duration.between(start, Instant.now())).as("both tickets").isLessThan(drain.dividedBy(2));
    }

    private static String ticketItem(TicketMode.Copies copy, String line) {
        TlvMessage ticket = TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"), Ticket.ofLines(copy, List.of(line)).toItem());
        return new String(TlvEncoder.encode(ticket), StandardCharsets.US_ASCII).substring("CZ0040320".length());
    }

    @Test
    void aLowerCbIsAPartialApproval() throws Exception {
        TransactionOutcome outcome = sale(ECHO.replace("CB0041000", "CB003400") + "AE00210",
                ScriptedTerminal.Ending.ANSWER_AND_CLOSE);
        assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
        assertThat(outcome.approvedAmount()).isEqualTo(Money.ofMinor(400, "EUR"));
        assertThat(outcome.reason()).isEqualTo("PARTIAL_APPROVAL");
    }

    @Test
    void leadingZerosInTheEchoedCbAreTheSameAmount() throws Exception {
        TransactionOutcome outcome = sale(ECHO.replace("CB0041000", "CB006001000") + "AE00210",
                ScriptedTerminal.Ending.ANSWER_AND_CLOSE);
        assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
        assertThat(outcome.reason()).isNull();
    }

    @Test
    void aHigherCbIsNotBelieved() throws Exception {
        TransactionOutcome outcome = sale(ECHO.replace("CB0041000", "CB0042000") + "AE00210",
                ScriptedTerminal.Ending.ANSWER_AND_CLOSE);
        assertThat(outcome.result()).isEqualTo(TransactionResult.UNKNOWN);
        assertThat(outcome.reason()).isEqualTo("ECHO_MISMATCH: CB 2000 is more than the 1000 requested");
    }

    @Test
    void anotherCashRegistersEchoIsNotBelieved() throws Exception {
        TransactionOutcome outcome = sale(ECHO.replace("CA00201", "CA00202") + "AE00210",
                ScriptedTerminal.Ending.ANSWER_AND_CLOSE);
        assertThat(outcome.result()).isEqualTo(TransactionResult.UNKNOWN);
        assertThat(outcome.reason()).isEqualTo("ECHO_MISMATCH: CA 02 answers CA 01");
        TransactionOutcome currency = sale(ECHO.replace("CE003978", "CE003840") + "AE00210",
                ScriptedTerminal.Ending.ANSWER_AND_CLOSE);
        assertThat(currency.reason()).isEqualTo("ECHO_MISMATCH: CE 840 answers CE 978");
    }

    @Test
    void theFlaggedSuccessWithAFormatErrorIsNotApproved() throws Exception {
        TransactionOutcome outcome = sale(ECHO + "AE00210AF00209", ScriptedTerminal.Ending.ANSWER_AND_CLOSE);
        assertThat(outcome.result()).isEqualTo(TransactionResult.UNKNOWN);
        assertThat(outcome.reason()).isEqualTo("PROTOCOL_ERROR: AF: AE=10 (performed) contradicts AF=09");
    }

    @Test
    void aRefusalWithCb2aDetailReadsOnlyItsCode() throws Exception {
        TransactionOutcome outcome = sale(ECHO.replace("CB0041000", "CB00200") + "AE00201AF029" + "04148"
                + " ".repeat(24), ScriptedTerminal.Ending.ANSWER_AND_CLOSE);
        assertThat(outcome.result()).isEqualTo(TransactionResult.DECLINED);
        assertThat(outcome.rawResultCodes()).containsEntry("AF", "04");
    }

    @Test
    void garbageIsAnUnknownOutcome() throws Exception {
        TransactionOutcome outcome = sale("HELLO THERE", ScriptedTerminal.Ending.ANSWER_AND_STAY);
        assertThat(outcome.result()).isEqualTo(TransactionResult.UNKNOWN);
        assertThat(outcome.reason()).isEqualTo("ANSWER_LOST: unreadable answer: HE at offset 0: length is not three digits");
    }

    @Test
    void anAnswerPastTheSizeLimitIsAnUnknownOutcome() throws Exception {
        TransactionOutcome outcome = sale(ECHO + ("QQ999" + "x".repeat(999)).repeat(2) + "AE00210",
                ScriptedTerminal.Ending.ANSWER_AND_STAY, 1024);
        assertThat(outcome.result()).isEqualTo(TransactionResult.UNKNOWN);
        assertThat(outcome.reason()).startsWith("ANSWER_LOST: Concert message exceeds 1024 bytes");
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsUnknown() throws Exception {
        TransactionOutcome outcome = sale("", ScriptedTerminal.Ending.CLOSE);
        assertThat(outcome.result()).isEqualTo(TransactionResult.UNKNOWN);
        assertThat(outcome.reason()).isEqualTo("ANSWER_LOST: connection closed by the terminal before an answer");
    }

    @Test
    void anAnswerCutShortByTheCloseIsUnknown() throws Exception {
        TransactionOutcome outcome = sale(ECHO + "AE0021", ScriptedTerminal.Ending.ANSWER_AND_CLOSE);
        assertThat(outcome.result()).isEqualTo(TransactionResult.UNKNOWN);
        assertThat(outcome.reason()).startsWith("ANSWER_LOST: unreadable answer: AE at offset");
    }

    /**
     * Damaged copies of an approval and a refusal: whatever the damage, an answer that does not
     * decode is UNKNOWN, never a guessed outcome, and an approval is only ever read from an answer
     * that decodes with AE=10 and the request's own echo.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDamagedAnswerIsNeverAGuessedOutcome() throws Exception {
        byte[][] answers = {
                (ECHO + "AE00210CC003001CI0011AC006209511AA016497010######8277AI014A00000004" + "21010"
                        + "AB0042704CG006424242").getBytes(StandardCharsets.US_ASCII),
                (ECHO + "AE00201AF00204").getBytes(StandardCharsets.US_ASCII)};
        for (long seed = 0; seed < 150; seed++) {
            FrameMutator mutator = new FrameMutator(seed);
            String damaged = new String(mutator.mutate(mutator.pick(answers)), StandardCharsets.ISO_8859_1);

            TransactionOutcome outcome = sale(damaged, ScriptedTerminal.Ending.ANSWER_AND_CLOSE);

            TlvMessage answer = decodesAs(damaged);
            if (answer == null) {
                assertThat(outcome.result()).as("seed %d: %s", seed, damaged).isEqualTo(TransactionResult.UNKNOWN);
            } else if (outcome.result() == TransactionResult.APPROVED) {
                assertThat(answer.value(ConcertTag.AE)).as("seed %d: %s", seed, damaged).isEqualTo("10");
                assertThat(Integer.parseInt(answer.value(ConcertTag.CB))).as("seed %d", seed).isBetween(1, 1000);
                assertThat(answer.value(ConcertTag.CA)).as("seed %d", seed).isEqualTo("01");
                assertThat(answer.value(ConcertTag.CE)).as("seed %d", seed).isEqualTo("978");
            }
        }
    }

    private static TlvMessage decodesAs(String answer) {
        try {
            return TlvDecoder.decode(answer.getBytes(StandardCharsets.ISO_8859_1));
        } catch (ConcertDecodingException e) {
            return null;
        }
    }

    @Test
    void htmlTicketsBecomeReceiptLines() throws Exception {
        String html = Base64.getEncoder().encodeToString("<p>CB</p><p>MONTANT 10,00 EUR</p>"
                .getBytes(StandardCharsets.ISO_8859_1));
        String zt = "CK003111AK" + String.format("%03d", html.length()) + html;
        TransactionOutcome outcome = sale(ECHO + "AE00210ZT" + String.format("%03d", zt.length()) + zt,
                ScriptedTerminal.Ending.ANSWER_AND_CLOSE);
        assertThat(outcome.merchantReceipt()).containsExactly("CB", "MONTANT 10,00 EUR");
        assertThat(outcome.customerReceipt()).isEmpty();
    }

    @Test
    void configurationNamesTheBadSetting() {
        ConcertTerminalConfig config = ConcertTerminalConfig.defaults("concert-1", "10.0.0.5", 8888);
        assertThat(config.protocolVersion()).isEqualTo("0320");
        assertThat(config.answerDeadline()).isEqualTo(Duration.ofSeconds(180));
        assertThat(config.drainInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.maxAnswerBytes()).isEqualTo(16 * 1024);
        assertThat(config.withTickets(TicketMode.fromCode("120")).tickets().copies()).isEqualTo(TicketMode.Copies.BOTH);
        assertThatThrownBy(() -> config.withIdentifiers("320", CJ, "01"))
                .hasMessage("protocolVersion (CZ) of Concert terminal concert-1 must be 4 digits, was '320'");
        assertThatThrownBy(() -> config.withIdentifiers("0320", CJ, "1"))
                .hasMessage("registerNumber (CA) of Concert terminal concert-1 must be 2 digits, was '1'");
        assertThatThrownBy(() -> ConcertTerminalConfig.defaults("concert-1", "10.0.0.5", 0))
                .hasMessage("port of Concert terminal concert-1 must be between 1 and 65535, was 0");
        assertThatThrownBy(() -> config.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessage("drainInterval of Concert terminal concert-1 must be 0 or more and below answerDeadline,"
                        + " was PT2S");
    }
}
