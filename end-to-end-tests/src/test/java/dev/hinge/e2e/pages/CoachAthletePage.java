package dev.hinge.e2e.pages;

import org.openqa.selenium.By;

import java.util.UUID;

/**
 * One athlete as the coach sees them, {@code /coach/athletes/{id}}: standing, timeline (live), and the deload form:
 * exercise and percent, "Preview the loads" shows the exact and the rounded load, then a confirm button prescribes
 * it. Selectors from the coach/athlete and coach/deloads templates.
 */
public final class CoachAthletePage {
    public static final By DELOAD_SECTION = By.id("deload");
    public static final By EXERCISE = By.id("deload-exercise");
    public static final By PERCENT = By.id("deload-percent");
    public static final By PREVIEW_BUTTON = By.cssSelector("#deload form.deload-form button[type=submit]");
    public static final By PREVIEW = By.id("deload-preview");
    public static final By EXACT = By.cssSelector("#deload-preview .exact-load");
    public static final By ROUNDED = By.cssSelector("#deload-preview .rounded-load");
    public static final By CONFIRM = By.cssSelector("#deload-preview form button[type=submit]");
    public static final By DONE = By.cssSelector("#deload .notice[role=status]");

    private final Chromium browser;

    private CoachAthletePage(Chromium browser) {
        this.browser = browser;
    }

    public static CoachAthletePage open(Chromium browser, UUID athleteId) {
        browser.open("/coach/athletes/" + athleteId);
        browser.find(DELOAD_SECTION);
        return new CoachAthletePage(browser);
    }

    /** Fills exercise and percent and asks for the preview; answers its text ("… 182.5 lb … 180 lb …"). */
    public String previewDeload(String exercise, String percent) {
        browser.type(EXERCISE, exercise).type(PERCENT, percent).click(PREVIEW_BUTTON);
        return browser.waitUntil(d -> {
            String exact = browser.find(EXACT).getText();
            String rounded = browser.find(ROUNDED).getText();
            return exact.isBlank() || rounded.isBlank() ? null : browser.find(PREVIEW).getText();
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
