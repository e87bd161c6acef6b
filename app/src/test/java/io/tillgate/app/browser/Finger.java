package io.tillgate.app.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Interactive;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/** A finger on a touch screen: signs on a signature pad as a customer does, with touch pointer events. */
public final class Finger {

    /** Three strokes, as offsets from the pad's centre, that fit a pad of 480 × 100 CSS pixels or more. */
    private static final int[][][] SIGNATURE = {
        {{-220, 20}, {-190, -40}, {-160, 30}, {-130, -35}, {-100, 25}},
        {{-60, -30}, {-40, 30}, {0, -20}, {30, 35}, {70, -10}},
        {{100, 10}, {140, -35}, {170, 30}, {210, -20}},
    };

    private Finger() {
    }

    /** Draws a signature on {@code pad}, one touch stroke after another. */
    public static void sign(WebDriver driver, WebElement pad) {
        for (int[][] stroke : SIGNATURE) {
            PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
            Sequence moves = new Sequence(finger, 0);
            moves.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(pad),
                    stroke[0][0], stroke[0][1]));
            moves.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
            for (int i = 1; i < stroke.length; i++) {
                moves.addAction(finger.createPointerMove(Duration.ofMillis(40), PointerInput.Origin.fromElement(pad),
                        stroke[i][0], stroke[i][1]));
            }
            moves.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
            ((Interactive) driver).perform(List.of(moves));
        }
    }
}
