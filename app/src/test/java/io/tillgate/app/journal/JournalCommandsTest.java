package io.tillgate.app.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tillgate.app.Gateway;
import io.tillgate.app.TillgateCommand;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionResult;
import io.tillgate.p3.client.TransactionStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tillgate journal list / show / resolve / export}, run in-process on a journal that a real
 * gateway filled over P3: an approved, a declined and two UNKNOWN payments (a terminal that never
 * answered, cents 95, with a one-second transaction timeout), and a decline followed by an approval
 * under one customIdentifier.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JournalCommandsTest {

    private static final String MASKED_PAN = "[0-9]{6}\\*+[0-9]{4}";

    @TempDir
    static Path dir;

    private static Path config;
    private static String approved;
    private static String declined;
    /** A decline and the approval that followed under the same customIdentifier. */
    private static String orderDeclined;
    private static String orderApproved;
    private static String unknownToList;
    private static String unknownToResolve;

    @BeforeAll
    static void fillTheJournalThroughAGateway() throws Exception {
        config = dir.resolve("tillgate.yaml");
        Files.writeString(config, String.join("\n",
                "gateway:",
                "  host: 127.0.0.1",
                "  transactionTimeout: 1s",
                "journal:",
                "  url: jdbc:sqlite:" + dir.resolve("journal.db").toAbsolutePath(),
                "p3:",
                "  websocketPort: 0",
                "  tcpPort: 0",
                "merchants:",
                "  - id: shop",
                "    secret: shop-secret-1",
                "    terminals: [till-1, till-2]",
                "terminals:",
                "  - id: till-1",
                "    speed: fast",
                "  - id: till-2",
                "    speed: fast",
                ""));
        try (Gateway gateway = Gateway.start(ConfigLoader.load(config));
                PayClient pos = PayClient.builder(gateway.p3TcpUri()).build()) {
            pos.connect().get(5, TimeUnit.SECONDS);
            pos.login("shop", "shop-secret-1").get(5, TimeUnit.SECONDS);
            approved = pay(pos, "till-1", "12.00", "cli-approved", TransactionStatus.APPROVED).join();
            declined = pay(pos, "till-1", "12.91", "cli-declined", TransactionStatus.DECLINED).join();
            orderDeclined = pay(pos, "till-1", "12.91", "cli-order", TransactionStatus.DECLINED).join();
            orderApproved = pay(pos, "till-1", "12.00", "cli-order", TransactionStatus.APPROVED).join();
            CompletableFuture<String> first = pay(pos, "till-1", "12.95", "cli-unknown-1", TransactionStatus.INCONCLUSIVE);
            CompletableFuture<String> second = pay(pos, "till-2", "13.95", "cli-unknown-2", TransactionStatus.INCONCLUSIVE);
            unknownToList = first.get(10, TimeUnit.SECONDS);
            unknownToResolve = second.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void listShowsTheTransactionsOfTheLastDay() {
        Run run = journal("list");

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).containsPattern("(?m)^CREATED +ID +STATE +KIND +AMOUNT +TERMINAL +REFERENCE / REQUEST$")
                .containsPattern(row(approved, "APPROVED", "12.00 EUR", "till-1", "cli-approved"))
                .containsPattern(row(declined, "DECLINED", "12.91 EUR", "till-1", "cli-declined"))
                .containsPattern(row(unknownToList, "UNKNOWN", "12.95 EUR", "till-1", "cli-unknown-1"))
                .contains(unknownToResolve)
                .contains("6 transaction(s)");
    }

    @Test
    void listUnresolvedShowsOnlyTransactionsWithoutAFinalOutcome() {
        Run run = journal("list", "--unresolved");

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).containsPattern(row(unknownToList, "UNKNOWN", "12.95 EUR", "till-1", "cli-unknown-1"))
                .doesNotContain(approved).doesNotContain(declined);
    }

    @Test
    void listByReferenceShowsEveryTransactionThatCarriesItNewestFirst() {
        Run run = journal("list", "--reference", "cli-order");
        Run none = journal("list", "--reference", "cli-nothing");

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).containsPattern("(?s)" + orderApproved + ".*" + orderDeclined)
                .containsPattern(row(orderApproved, "APPROVED", "12.00 EUR", "till-1", "cli-order"))
                .containsPattern(row(orderDeclined, "DECLINED", "12.91 EUR", "till-1", "cli-order"))
                .doesNotContain(approved).contains("2 transaction(s)");
        assertThat(none.out).as(none.toString()).contains("0 transaction(s)");
    }

    @Test
    void showPrintsTheFieldsTheOutcomeAndTheHistory() {
        Run run = journal("show", approved);

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).containsPattern("(?m)^id: +" + approved + "$")
                .containsPattern("(?m)^state: +APPROVED$")
                .containsPattern("(?m)^amount: +12\\.00 EUR$")
                .containsPattern("(?m)^merchant: +shop$")
                .containsPattern("(?m)^terminal: +till-1$")
                .containsPattern("(?m)^protocol: +P3$")
                .containsPattern("(?m)^reference: +cli-approved$")
                .containsPattern("(?m)^result: +APPROVED$")
                .containsPattern("(?m)^card: +" + MASKED_PAN + " ")
                .containsPattern("(?m)^auth code: +\\S+$")
                .containsPattern("(?s)history:\\n +\\S+ +CREATED .*\\n +\\S+ +SENT .*\\n +\\S+ +IN_PROGRESS .*\\n"
                        + " +\\S+ +APPROVED ");
    }

    @Test
    void showOfAnUnknownIdFailsWithAClearMessage() {
        Run run = journal("show", "0123456789abcdef0123456789abcdef");

        assertThat(run.code).as(run.toString()).isEqualTo(1);
        assertThat(run.err).contains("no transaction 0123456789abcdef0123456789abcdef in the journal");
    }

    @Test
    void aJournalThatIsNotThereIsNotCreatedButNamedWithWhereItWasLookedFor() throws Exception {
        Path elsewhere = dir.resolve("elsewhere.yaml");
        Path missing = dir.resolve("nowhere").resolve("journal.db");
        Files.writeString(elsewhere, Files.readString(config).replaceAll("url: \\S+", "url: jdbc:sqlite:" + missing));
        StringWriter err = new StringWriter();
        int code = new CommandLine(new TillgateCommand()).setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(err, true)).execute("journal", "--config", elsewhere.toString(), "list");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no journal at " + missing.toAbsolutePath(), "--config");
        assertThat(missing).doesNotExist();
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void resolveSettlesAnUnknownTransactionOnceAndKeepsWhoAndWhyInItsHistory() {
        Run resolve = journal("resolve", unknownToResolve, "--approved", "--note", "acquirer report, ticket 4711",
                "--operator", "alice");

        assertThat(resolve.code).as(resolve.toString()).isZero();
        assertThat(resolve.out).contains("transaction " + unknownToResolve + " resolved as APPROVED by alice");
        Run show = journal("show", unknownToResolve);
        assertThat(show.out).containsPattern("(?m)^state: +APPROVED$")
                .containsPattern("(?m)^result: +APPROVED \\(OPERATOR_RESOLVED\\)$")
                .containsPattern("(?m)^ +\\S+ +UNKNOWN +.+$")
                .containsPattern("(?m)^ +\\S+ +APPROVED +by cli:alice: acquirer report, ticket 4711$");

        Run again = journal("resolve", unknownToResolve, "--declined", "--note", "second thoughts", "--operator",
                "bob");
        assertThat(again.code).as(again.toString()).isEqualTo(1);
        assertThat(again.err).contains("transaction " + unknownToResolve + " is APPROVED; only UNKNOWN transactions "
                + "can be resolved");
        assertThat(journal("show", unknownToResolve).out).doesNotContain("bob").doesNotContain("second thoughts");
    }

    @Test
    void resolvingAFinalTransactionIsRefused() {
        Run run = journal("resolve", declined, "--approved", "--note", "customer insists", "--operator", "alice");

        assertThat(run.code).as(run.toString()).isEqualTo(1);
        assertThat(run.err).contains("transaction " + declined + " is DECLINED; only UNKNOWN transactions can be "
                + "resolved");
        assertThat(journal("show", declined).out).containsPattern("(?m)^state: +DECLINED$")
                .doesNotContain("customer insists");
    }

    @Test
    void resolveNeedsAFindingAndANote() {
        assertThat(journal("resolve", unknownToList, "--note", "no finding").code).isEqualTo(2);
        assertThat(journal("resolve", unknownToList, "--approved").code).isEqualTo(2);
        assertThat(journal("resolve", unknownToList, "--approved", "--declined", "--note", "both").code).isEqualTo(2);
        assertThat(journal("show", unknownToList).out).containsPattern("(?m)^state: +UNKNOWN$");
    }

    @Test
    void exportCsvHasAHeaderAndOneRowPerTransactionWithMaskedCardNumbersOnly() throws Exception {
        Run run = journal("export", "--format", "csv");

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out.lines().findFirst()).hasValue("id,createdAt,updatedAt,merchant,terminal,protocol,"
                + "requestReference,reference,kind,amount,currency,state,reason,approvedAmount,maskedPan,scheme,"
                + "entryMode,verification,authorisationCode,terminalReference,acquirerReference,"
                + "originalTransactionId,captured");
        List<Map<String, String>> rows = csvRows(run.out);
        assertThat(rows).extracting(r -> r.get("id"))
                .containsExactlyInAnyOrder(approved, declined, orderDeclined, orderApproved, unknownToList,
                        unknownToResolve);
        assertThat(rows).filteredOn(r -> r.get("id").equals(approved)).singleElement().satisfies(r -> {
            assertThat(r.get("state")).isEqualTo("APPROVED");
            assertThat(r.get("amount")).isEqualTo("12.00");
            assertThat(r.get("currency")).isEqualTo("EUR");
            assertThat(r.get("maskedPan")).matches(MASKED_PAN);
        });
        assertThat(rows).extracting(r -> r.get("maskedPan")).allSatisfy(pan -> assertThat(pan).matches(
                "|" + MASKED_PAN));
        // A card number stands alone; a 13-digit run inside a hex transaction id is no PAN.
        assertThat(run.out).doesNotContainPattern("(?<![0-9A-Za-z])[0-9]{13,}(?![0-9A-Za-z])");
    }

    @Test
    void exportJsonIsAnArrayOfTheSameRows() throws Exception {
        Run run = journal("export", "--format", "json");

        assertThat(run.code).as(run.toString()).isZero();
        JsonNode array = new ObjectMapper().readTree(run.out);
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(6);
        assertThat(Stream.of(approved, declined, unknownToList, unknownToResolve)).allSatisfy(id -> assertThat(array)
                .anySatisfy(row -> assertThat(row.path("id").asText()).isEqualTo(id)));
        assertThat(array).filteredOn(row -> row.path("id").asText().equals(declined)).singleElement()
                .satisfies(row -> {
                    assertThat(row.path("state").asText()).isEqualTo("DECLINED");
                    assertThat(row.path("maskedPan").asText()).matches(MASKED_PAN);
                    assertThat(row.path("reference").asText()).isEqualTo("cli-declined");
                });
    }

    @Test
    void sinceLimitsListAndExport() throws Exception {
        Run lastHour = journal("list", "--since", "1h");
        Run exportLastHour = journal("export", "--format", "json", "--since", "1h");
        Run future = journal("list", "--since", "2999-01-01T00:00:00Z");
        Run exportFuture = journal("export", "--format", "csv", "--since", "2999-01-01T00:00:00Z");
        Run nonsense = journal("list", "--since", "yesterday");

        assertThat(lastHour.out).as(lastHour.toString()).contains("6 transaction(s)");
        assertThat(new ObjectMapper().readTree(exportLastHour.out)).hasSize(6);
        assertThat(future.out).as(future.toString()).contains("0 transaction(s)").doesNotContain(approved);
        assertThat(csvRows(exportFuture.out)).isEmpty();
        assertThat(nonsense.code).isEqualTo(2);
        assertThat(nonsense.err).contains("--since 'yesterday' is neither a duration (24h, 7d) nor an instant");
    }

    // ------------------------------------------------------------------------------------------

    private static CompletableFuture<String> pay(PayClient pos, String device, String amount, String reference,
            TransactionStatus expected) {
        return pos.charge(ChargeRequest.of(device, Money.ofMajor(amount, "EUR")).withCustomIdentifier(reference), null)
                .outcome().thenApply(TransactionResult::transaction)
                .thenApply(t -> {
                    assertThat(TransactionStatus.of(t)).as("%s", t).isEqualTo(expected);
                    return t.identifier();
                });
    }

    private static String row(String id, String state, String amount, String terminal, String reference) {
        return "(?m)^\\S+ +" + id + " +" + state + " +SALE +" + amount.replace(".", "\\.") + " +" + terminal + " +"
                + reference + " / P3 \\S+$";
    }

    private static List<Map<String, String>> csvRows(String csv) throws Exception {
        if (csv.isBlank()) {
            return List.of();
        }
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }

    private static Run journal(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("journal", "--config", config.toString()), Stream.of(args))
                .toArray(String[]::new);
        int code = new CommandLine(new TillgateCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
