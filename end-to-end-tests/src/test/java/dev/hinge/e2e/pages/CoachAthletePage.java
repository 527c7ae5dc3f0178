package dev.hinge.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

/**
 * One athlete as the coach sees them, {@code /coach/athletes/{id}}: the timeline and the deload form ("scale to
 * 50%", the exact and rounded load shown before confirming). Route and selectors ASSUMED (the coach pages were being
 * written): a form with id {@code deload-form} holding {@code exercise} and {@code percent} fields, a preview
 * element {@code #deload-preview} (filled as the percent changes, or by a button {@code name=preview}), and a
 * confirming submit button {@code name=confirm} (or the form's last submit button).
 */
public final class CoachAthletePage {
    public static final By DELOAD_FORM = By.id("deload-form");
    public static final By EXERCISE = By.cssSelector("#deload-form [name=exercise]");
    public static final By PERCENT = By.cssSelector("#deload-form [name=percent]");
    public static final By PREVIEW_BUTTON = By.cssSelector("#deload-form button[name=preview]");
    public static final By PREVIEW = By.id("deload-preview");
    public static final By CONFIRM = By.cssSelector("#deload-form button[name=confirm], #deload-form button[type=submit]:last-of-type");
    public static final By DONE = By.cssSelector("#deload-form .notice[role=status], main .notice[role=status]");

    private final Chromium browser;

    private CoachAthletePage(Chromium browser) {
        this.browser = browser;
    }

    public static CoachAthletePage open(Chromium browser, UUID athleteId) {
        browser.open("/coach/athletes/" + athleteId);
        browser.find(DELOAD_FORM);
        return new CoachAthletePage(browser);
    }

    /** Chooses the exercise and percent; answers the preview's text once it shows the loads. */
    public String previewDeload(String exercise, String percent) {
        WebElement exerciseField = browser.find(EXERCISE);
        if ("select".equals(exerciseField.getTagName())) {
            new Select(exerciseField).selectByValue(exercise);
        } else if (exerciseField.isDisplayed() && !"hidden".equals(exerciseField.getAttribute("type"))) {
            browser.type(EXERCISE, exercise);
        }
        WebElement percentField = browser.find(PERCENT);
        if ("select".equals(percentField.getTagName())) {
            new Select(percentField).selectByValue(percent);
        } else {
            browser.type(PERCENT, percent);
        }
        if (!browser.all(PREVIEW_BUTTON).isEmpty()) {
            browser.click(PREVIEW_BUTTON);
        }
        return browser.waitUntil(d -> {
            String text = browser.find(PREVIEW).getText();
            return text.matches("(?s).*\\d.*") ? text : null;
        });
    }

    /** Confirms the previewed deload; answers what the page says once it is prescribed. */
    public String confirmDeload() {
        browser.click(CONFIRM);
        return browser.waitUntil(d -> {
            String text = browser.find(DONE).getText();
            return text.isBlank() ? null : text;
        });
    }
}
