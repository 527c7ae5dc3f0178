package dev.hinge.e2e.pages;

import org.openqa.selenium.By;

/**
 * {@code /coach/invite}: the coach's invite code to hand to athletes, in the read-only input {@code #invite-code}.
 * Selectors from the coach/invite template.
 */
public final class CoachInvitePage {
    public static final String PATH = "/coach/invite";
    public static final By CODE = By.id("invite-code");

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
            String shown = browser.find(CODE).getDomProperty("value");
            String code = shown.replaceAll("[^0-9A-Za-z]", "").toUpperCase();
            return code.length() == 10 ? code : null;
        });
    }
}
