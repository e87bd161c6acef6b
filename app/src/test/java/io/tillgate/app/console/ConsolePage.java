package io.tillgate.app.console;

import io.tillgate.app.browser.Finger;
import io.tillgate.app.browser.TestIdPage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console as a person uses it, by the {@code data-test} names of its elements: each
 * method does one thing a person does and waits until the page shows its effect.
 */
final class ConsolePage extends TestIdPage {

    private final URI base;
    /** The transaction of the payment before the one just started, so its result is not taken for the new one's. */
    private String previousPayment;

    /** @param patience how long to wait for the page to show something (covers a terminal timeout) */
    ConsolePage(WebDriver driver, URI base, Duration patience) {
        super(driver, patience);
        this.base = base;
    }

    /** Opens the console afresh, signed out (no cookie). */
    void openSignedOut() {
        // Cookies can be deleted only for the page's own origin, so the page comes first.
        driver.get(base.toString());
        driver.manage().deleteAllCookies();
        driver.get(base.toString());
        until("the sign-in form", d -> visible("signin-form"));
    }

    void signIn(String name, String password) {
        type("signin-name", name);
        type("signin-password", password);
        find("signin-submit").click();
    }

    /** Signed in: the header shows the account, the terminal board its terminals and the stream is live. */
    void waitSignedIn(String name, String role) {
        until("signed in as the account", d -> visible("account-name") && text("account-name").equals(name)
                && text("account-role").equals(role));
        until("the event stream to be live", d -> "live".equals(find("stream-status").getAttribute("data-state")));
    }

    String waitSignInError() {
        until("a sign-in error", d -> !text("signin-error").isEmpty());
        return text("signin-error");
    }

    boolean signedIn() {
        return visible("account-name");
    }

    void signOut() {
        find("sign-out").click();
        until("signed out", d -> visible("signin-form") && !visible("account-name"));
    }

    void waitTerminalState(String terminalId, String state) {
        until("terminal " + terminalId + " to be " + state,
                d -> state.equals(terminal(terminalId).findElement(testId("terminal-state")).getText()));
    }

    WebElement terminal(String terminalId) {
        return driver.findElement(By.cssSelector("[data-test=terminal][data-terminal-id='" + terminalId + "']"));
    }

    List<String> terminalIds() {
        return driver.findElements(By.cssSelector("[data-test=terminal]")).stream()
                .map(e -> e.getAttribute("data-terminal-id")).toList();
    }

    /** Logs the merchant in over P3 from the test payment panel. */
    void connectP3(String merchant, String secret) {
        WebElement field = find("p3-merchant");
        field.clear();
        field.sendKeys(merchant);
        type("p3-secret", secret);
        find("p3-connect").click();
        until("the P3 login to succeed", d -> visible("pay-form"));
    }

    /** The P3 devices the logged-in merchant may pay on, as the panel offers them. */
    List<String> devices() {
        return new Select(find("pay-device")).getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    /** Starts a payment; {@link #waitPaymentResult} tells how it ended. */
    void startPayment(String terminalId, String amount) {
        previousPayment = find("payment-result").getAttribute("data-transaction-id");
        new Select(find("pay-device")).selectByValue("devices/" + terminalId);
        type("pay-amount", amount);
        find("pay-submit").click();
    }

    /** Waits for the payment just started to end in {@code status} and returns its transaction identifier. */
    String waitPaymentResult(String status) {
        until("the payment to end", d -> {
            WebElement result = find("payment-result");
            String id = result.getAttribute("data-transaction-id");
            return result.getAttribute("data-status") != null && id != null && !id.equals(previousPayment);
        });
        String actual = find("payment-result").getAttribute("data-status");
        if (!status.equals(actual)) {
            throw new AssertionError("payment ended " + actual + ", not " + status + ": " + text("payment-result")
                    + "\nmessages:\n" + text("payment-log"));
        }
        return find("payment-result").getAttribute("data-transaction-id");
    }

    String paymentLog() {
        return text("payment-log");
    }

    void waitAbortOffered() {
        until("the Abort button", d -> visible("abort") && find("abort").isEnabled());
    }

    void abort() {
        find("abort").click();
    }

    void waitSignatureRequested() {
        until("the signature request", d -> visible("signature-box"));
    }

    /** Signs with a finger: touch pointer moves on the pad, in three strokes. */
    void signOnPad() {
        Finger.sign(driver, find("signature-pad"));
        until("the pad to hold a signature", d -> find("signature-submit").isEnabled());
    }

    /** How many of the pad's pixels are ink (dark), read from the canvas the PNG is made of. */
    long inkPixels() {
        Object count = ((JavascriptExecutor) driver).executeScript("""
                const canvas = document.getElementById('signature-pad');
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let ink = 0;
                for (let i = 0; i < pixels.length; i += 4) {
                  if (pixels[i] < 128 && pixels[i + 1] < 128 && pixels[i + 2] < 128) {
                    ink++;
                  }
                }
                return ink;""");
        return ((Number) count).longValue();
    }

    void submitSignature() {
        find("signature-submit").click();
        until("the signature to be accepted", d -> !visible("signature-box"));
    }

    /** Waits until the live feed shows the transaction in {@code state}. */
    void waitFeedState(String transactionId, String state) {
        until(transactionId + " in the feed as " + state,
                d -> state.equals(feedItem(transactionId).getAttribute("data-state")));
    }

    WebElement feedItem(String transactionId) {
        return driver.findElement(By.cssSelector("[data-test=feed-item][data-transaction-id='" + transactionId + "']"));
    }

    void openFromFeed(String transactionId) {
        feedItem(transactionId).findElement(By.tagName("a")).click();
        waitDetail(transactionId);
    }

    void openDetail(String transactionId) {
        driver.get(base.resolve("/#/transactions/" + transactionId).toString());
        waitDetail(transactionId);
    }

    private void waitDetail(String transactionId) {
        until("the transaction detail", d -> visible("detail-summary") && text("detail-id").equals(transactionId)
                && !driver.findElements(testId("history-entry")).isEmpty());
    }

    /** The detail view's history, one line per entry: at, state, actor, note. */
    List<String> history() {
        return driver.findElements(testId("history-entry")).stream().map(WebElement::getText).toList();
    }

    String detailState() {
        return text("detail-state");
    }

    String merchantReceipt() {
        return find("merchant-receipt").getText();
    }

    String customerReceipt() {
        return find("customer-receipt").getText();
    }

    void openLive() {
        find("nav-live").click();
        until("the Live view", d -> visible("terminal-board"));
    }

    void openUnresolved() {
        find("nav-unresolved").click();
        until("the Unresolved view", d -> visible("unresolved-list") || visible("unresolved-empty"));
    }

    /** Waits until the Unresolved view lists the transaction in {@code state}. */
    void waitUnresolved(String transactionId, String state) {
        until(transactionId + " in the Unresolved view as " + state,
                d -> state.equals(unresolvedItem(transactionId).getAttribute("data-state")));
    }

    WebElement unresolvedItem(String transactionId) {
        return driver.findElement(unresolvedSelector(transactionId));
    }

    private static By unresolvedSelector(String transactionId) {
        return By.cssSelector("[data-test=unresolved-item][data-transaction-id='" + transactionId + "']");
    }

    boolean hasResolveControls(String transactionId) {
        return !unresolvedItem(transactionId).findElements(testId("resolve-form")).isEmpty();
    }

    boolean readOnlyNoticeShown() {
        return visible("unresolved-readonly");
    }

    /** The navigation's count of transactions that need an operator (UNKNOWN); no badge is none. */
    int unresolvedCount() {
        return visible("unresolved-count") ? Integer.parseInt(text("unresolved-count")) : 0;
    }

    void waitUnresolvedCount(int count) {
        until(count + " unresolved in the navigation", d -> unresolvedCount() == count);
    }

    /** Settles an UNKNOWN transaction as {@code APPROVED} or {@code DECLINED} with a note. */
    void resolve(String transactionId, String result, String note) {
        WebElement item = unresolvedItem(transactionId);
        item.findElement(testId("resolve-" + result.toLowerCase())).click();
        item.findElement(testId("resolve-note")).sendKeys(note);
        item.findElement(testId("resolve-submit")).click();
    }

    void waitLeftUnresolved(String transactionId) {
        until(transactionId + " to leave the Unresolved view",
                d -> d.findElements(unresolvedSelector(transactionId)).isEmpty());
    }

    String unresolvedStatus() {
        return text("unresolved-status");
    }

    void openJournal() {
        find("nav-journal").click();
        until("the Journal view", d -> visible("search-form"));
    }

    /** Searches the journal for one terminal's transactions and returns the identifiers found, newest first. */
    List<String> searchByTerminal(String terminalId) {
        new Select(find("search-terminal")).selectByValue(terminalId);
        find("search-submit").click();
        until("the search results",
                d -> text("search-status").contains("newest first") || text("search-status").startsWith("No "));
        return driver.findElements(testId("search-result")).stream()
                .map(e -> e.getAttribute("data-transaction-id")).toList();
    }

    String exportCsvHref() {
        return find("export-csv").getAttribute("href");
    }
}
