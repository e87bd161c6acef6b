package io.tillgate.app.examples;

import io.tillgate.app.browser.Finger;
import io.tillgate.app.browser.TestIdPage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * examples/web-pos as a cashier uses it, by the {@code data-test} names of its elements: each
 * method does one thing a cashier does and waits until the page shows its effect.
 */
final class WebPosPage extends TestIdPage {


    /** @param patience how long to wait for the page to show something */
    WebPosPage(WebDriver driver, Duration patience) {
        super(driver, patience);
    }

    /** Opens the page afresh: no remembered gateway or merchant from an earlier test. */
    void open(URI page) {
        driver.get(page.toString());
        ((JavascriptExecutor) driver).executeScript("localStorage.clear()");
        driver.get(page.toString());
        until("the login form", d -> visible("login-form"));
    }

    void logIn(URI gateway, String merchant, String secret) {
        type("gateway-url", gateway.toString());
        type("merchant", merchant);
        type("secret", secret);
        find("login").click();
    }

    void waitLoggedIn() {
        until("the login to succeed", d -> "open".equals(find("connection").getAttribute("data-state"))
                && visible("sale"));
    }

    String waitLoginError() {
        until("a login error", d -> !text("login-error").isEmpty());
        return text("login-error");
    }

    String connection() {
        return text("connection");
    }

    boolean saleShown() {
        return visible("sale");
    }

    /** The devices the logged-in merchant may pay on, as {@code devices/<id>}. */
    List<String> devices() {
        return new Select(find("device")).getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    /** Starts a payment; {@link #waitOutcome} tells how it ended. */
    void pay(String terminalId, String amount) {
        new Select(find("device")).selectByValue("devices/" + terminalId);
        type("amount", amount);
        // The outcome of the payment before must not be taken for this one's.
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('[data-test=outcome]').removeAttribute('data-status')");
        find("pay").click();
    }

    /** Waits for the payment to end in {@code status}; returns its transaction identifier. */
    String waitOutcome(String status) {
        until("the payment's outcome", d -> find("outcome").getAttribute("data-status") != null && visible("result"));
        String actual = find("outcome").getAttribute("data-status");
        if (!status.equals(actual)) {
            throw new AssertionError("the payment ended " + actual + ", not " + status + ": " + text("result")
                    + "\nmessages:\n" + text("log"));
        }
        return find("outcome").getAttribute("data-transaction-id");
    }

    String outcomeDetail() {
        return text("outcome-detail");
    }

    String payError() {
        until("a payment error", d -> !text("pay-error").isEmpty());
        return text("pay-error");
    }

    /** The terminal's two display lines, as shown now. */
    List<String> display() {
        return List.of(text("display-line-1"), text("display-line-2"));
    }

    String fact(String name) {
        return text("fact-" + name);
    }

    String customerReceipt() {
        return find("customer-receipt").getText();
    }

    String merchantReceipt() {
        return find("merchant-receipt").getText();
    }

    String log() {
        return text("log");
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

    void sign() {
        Finger.sign(driver, find("signature-pad"));
        until("the pad to hold a signature", d -> find("signature-submit").isEnabled());
    }

    void submitSignature() {
        find("signature-submit").click();
        until("the signature pad to close", d -> !visible("signature-box"));
    }

    /** The customer signs the printed merchant receipt instead of the pad. */
    void signOnPaper() {
        find("signature-paper").click();
        until("the signature request to close", d -> !visible("signature-box"));
    }

    void waitDisconnected() {
        until("the connection to close", d -> "closed".equals(find("connection").getAttribute("data-state")));
    }

    void waitRecoveryOffered() {
        until("the offer to look the payment up", d -> visible("recover"));
    }

    void recover() {
        find("recover").click();
    }
}
