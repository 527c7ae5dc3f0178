package dev.hinge.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/**
 * {@code /athlete/coaches}: who has access, and the form that grants it by invite code or email. Selectors from the
 * athlete/coaches template.
 */
public final class AthleteCoachesPage {
    public static final String PATH = "/athlete/coaches";
    public static final By INVITE_CODE = By.id("invite-code");
    public static final By GIVE_ACCESS = By.cssSelector("form[action$='/athlete/coaches'] button[type=submit]");
    public static final By COACH_NAMES = By.cssSelector("ul.coaches li.coach .name");
    public static final By ERRORS = By.cssSelector("main .field-error");

    private final Chromium browser;

    private AthleteCoachesPage(Chromium browser) {
        this.browser = browser;
    }

    public static AthleteCoachesPage open(Chromium browser) {
        browser.open(PATH);
        browser.find(INVITE_CODE);
        return new AthleteCoachesPage(browser);
    }

    /**
     * Grants by invite code. The athlete side learns of a new coach from the event store a moment after the coach
     * registered, and refuses the code until then: tries again for a while, as a person would.
     */
    public void grantByInviteCode(String code, String coachName) {
        browser.waitUntil(java.time.Duration.ofSeconds(30), d -> {
            if (!browser.path().equals(PATH)) {
                browser.open(PATH);
            }
            browser.type(INVITE_CODE, code).click(GIVE_ACCESS);
            return browser.waitUntil(java.time.Duration.ofSeconds(5), dd -> coaches().contains(coachName) ? Boolean.TRUE : null);
        });
    }

    public List<String> coaches() {
        return browser.all(COACH_NAMES).stream().map(WebElement::getText).toList();
    }
}
