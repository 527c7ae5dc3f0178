package dev.hinge.e2e.pages;

import org.openqa.selenium.By;

/**
 * The coach's invite code to hand to athletes. Route and selector ASSUMED (the coach pages were being written):
 * {@code /coach/invite}, the code in an element with id {@code invite-code} (or a {@code data-invite-code}
 * attribute, or class {@code invite-code}).
 */
public final class CoachInvitePage {
    public static final String PATH = "/coach/invite";
    public static final By CODE = By.cssSelector("#invite-code, [data-invite-code], .invite-code");

    private final Chromium browser;

    private CoachInvitePage(Chromium browser) {
        this.browser = browser;
    }

    public static CoachInvitePage open(Chromium browser) {
        browser.open(PATH);
        browser.find(CODE);
        return new CoachInvitePage(browser);
    }

    /** The code as shown (ten characters of the code alphabet; grouping hyphens and spaces dropped). */
    public String code() {
        return browser.waitUntil(d -> {
            String attribute = browser.find(CODE).getAttribute("data-invite-code");
            String shown = attribute != null && !attribute.isBlank() ? attribute : browser.find(CODE).getText();
            String code = shown.replaceAll("[^0-9A-Za-z]", "").toUpperCase();
            return code.length() == 10 ? code : null;
        });
    }
}
