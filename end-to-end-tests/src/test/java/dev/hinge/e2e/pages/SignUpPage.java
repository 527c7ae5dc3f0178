package dev.hinge.e2e.pages;

import org.openqa.selenium.By;

/**
 * {@code /{section}/sign-up} and {@code /{section}/sign-in} (the pages foundation, platform-support's account
 * templates): the form's fields carry the API's names.
 */
public final class SignUpPage {
    public static final By DISPLAY_NAME = By.name("displayName");
    public static final By EMAIL = By.name("email");
    public static final By PASSWORD = By.name("password");
    public static final By SUBMIT = By.cssSelector("main form button[type=submit], main form button:not([type])");

    private final Chromium browser;
    private final String section;

    private SignUpPage(Chromium browser, String section) {
        this.browser = browser;
        this.section = section;
    }

    public static SignUpPage open(Chromium browser, String section) {
        browser.open("/" + section + "/sign-up");
        browser.visible(EMAIL);
        return new SignUpPage(browser, section);
    }

    /** Signs up and waits to land on the section's first page ({@code /{section}/}). */
    public void signUp(String displayName, String email, String password) {
        browser.type(DISPLAY_NAME, displayName).type(EMAIL, email).type(PASSWORD, password).click(SUBMIT);
        browser.waitUntil(d -> browser.path().equals("/" + section + "/") && browser.sessionToken() != null);
    }

    /** Signs in on {@code /{section}/sign-in} and waits to land on {@code /{section}/}. */
    public static void signIn(Chromium browser, String section, String email, String password) {
        browser.open("/" + section + "/sign-in");
        browser.type(EMAIL, email).type(PASSWORD, password).click(SUBMIT);
        browser.waitUntil(d -> browser.path().equals("/" + section + "/") && browser.sessionToken() != null);
    }
}
