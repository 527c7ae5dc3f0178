package dev.hinge.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.util.List;

/**
 * The athlete's first page, {@code /athlete/}: the cue panel (cues and deloads, live), the set form, the latest
 * timeline items (live). Selectors from the templates (athlete/home, sets, cues, timeline).
 */
public final class AthleteHomePage {
    public static final String PATH = "/athlete/";
    public static final By CUE_PANEL = By.id("cue-panel");
    public static final By CUE_TEXTS = By.cssSelector("#cue-panel .cue .cue-text");
    public static final By DELOADS = By.cssSelector("#cue-panel .deload");
    public static final By SET_FORM = By.id("set-form");
    public static final By EXERCISE = By.id("exercise");
    public static final By LOAD_VALUE = By.id("load-value");
    public static final By LOAD_UNIT = By.id("load-unit");
    public static final By REPS = By.id("reps");
    public static final By RPE = By.id("rpe");
    public static final By PAIN_SCORE = By.id("pain-score");
    public static final By PAIN_QUALITY = By.id("pain-quality");
    public static final By PAIN_LOCATION = By.id("pain-location");
    public static final By NOTES = By.id("notes");
    public static final By VIDEO_FILE = By.id("video-file");
    public static final By LOG_SET = By.cssSelector("#set-form button.primary[type=submit]");
    public static final By LOGGED = By.cssSelector("#set-form .notice[role=status]");
    public static final By FORM_ERRORS = By.cssSelector("#set-form .field-error");
    public static final By TIMELINE_ITEMS = By.cssSelector("#timeline-items > li.item");

    private final Chromium browser;

    private AthleteHomePage(Chromium browser) {
        this.browser = browser;
    }

    public static AthleteHomePage open(Chromium browser) {
        browser.open(PATH);
        browser.find(SET_FORM);
        return new AthleteHomePage(browser);
    }

    /** The page as it is now, without loading it again. */
    public static AthleteHomePage current(Chromium browser) {
        return new AthleteHomePage(browser);
    }

    public record PainfulSet(String exercise, String load, String unit, String reps, String rpe, String painScore,
                             String painQuality, String painLocation, List<String> checklist, String notes, File video) {
    }

    /** Fills the set form as a lifter does and logs it; waits for the form's "Logged: …" answer. */
    public String logSet(PainfulSet set) {
        browser.type(EXERCISE, set.exercise()).type(LOAD_VALUE, set.load());
        new Select(browser.find(LOAD_UNIT)).selectByValue(set.unit());
        browser.type(REPS, set.reps()).type(RPE, set.rpe());
        new Select(browser.find(PAIN_SCORE)).selectByValue(set.painScore());
        new Select(browser.find(PAIN_QUALITY)).selectByValue(set.painQuality());
        browser.type(PAIN_LOCATION, set.painLocation());
        for (String item : set.checklist()) {
            WebElement box = browser.find(By.name("checklist." + item));
            if (!box.isSelected()) {
                box.click();
            }
        }
        browser.type(NOTES, set.notes());
        if (set.video() != null) {
            browser.upload(VIDEO_FILE, set.video());
        }
        browser.click(LOG_SET);
        return browser.waitUntil(d -> {
            List<WebElement> errors = browser.all(FORM_ERRORS);
            if (!errors.isEmpty() && errors.stream().anyMatch(WebElement::isDisplayed)) {
                throw new AssertionError("the set form refused the set: "
                        + errors.stream().map(WebElement::getText).toList());
            }
            return browser.find(LOGGED).getText();
        });
    }

    public List<String> cues() {
        return browser.all(CUE_TEXTS).stream().map(WebElement::getText).toList();
    }

    public List<String> deloads() {
        return browser.all(DELOADS).stream().map(WebElement::getText).toList();
    }

    /** The css classes of the latest items (each has its timeline type as a class: set_logged, video_attached…). */
    public List<String> itemClasses() {
        return browser.all(TIMELINE_ITEMS).stream().map(item -> item.getAttribute("class")).toList();
    }
}
