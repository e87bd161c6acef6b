package io.tillgate.app.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page whose elements the tests find by their {@code data-test} attribute, so that a change of
 * layout or wording does not break a test that still means the same thing.
 */
public abstract class TestIdPage {

    protected final WebDriver driver;
    private final Duration patience;

    /** @param patience how long to wait for the page to show something */
    protected TestIdPage(WebDriver driver, Duration patience) {
        this.driver = driver;
        this.patience = patience;
    }

    /** Waits until {@code condition} holds; a timeout names what was awaited. */
    protected void until(String awaited, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, patience, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage("waiting for " + awaited)
                .until(condition);
    }

    protected void type(String testName, String text) {
        WebElement field = find(testName);
        field.clear();
        field.sendKeys(text);
    }

    protected String text(String testName) {
        return find(testName).getText().trim();
    }

    protected boolean visible(String testName) {
        List<WebElement> found = driver.findElements(testId(testName));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    protected WebElement find(String testName) {
        return driver.findElement(testId(testName));
    }

    protected static By testId(String testName) {
        return By.cssSelector("[data-test='" + testName + "']");
    }
}
