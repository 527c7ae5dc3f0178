package dev.hinge.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

/**
 * The coach's review page, {@code /coach/videos/{videoId}}: the player (slow motion, frame steps with {@code ,} and
 * {@code .}, "Mark fault here" taking the player's time), fault markers on the seek bar, the fault form and suggested
 * cues one click away. Selectors from the coach/review template and assets/review.js.
 */
public final class ReviewPage {
    public static final By VIDEO = By.id("review-video");
    public static final By SEEK = By.id("seek");
    public static final By CLOCK = By.id("current-time");
    public static final By PLAY_PAUSE = By.id("play-pause");
    public static final By MARK_FAULT = By.id("mark-fault");
    public static final By AT_SECOND = By.id("atSecond");
    public static final By FAULT = By.id("fault");
    public static final By ADD_FAULT = By.cssSelector("#fault-form button[type=submit]");
    public static final By MARKERS = By.cssSelector("#markers .marker");
    public static final By FAULT_ITEMS = By.cssSelector("#fault-list .fault-item");
    public static final By SUGGESTED_CUES = By.cssSelector("#fault-list form.suggested-cue button[type=submit]");
    public static final By CUE_ASSIGNED = By.cssSelector("#cue-form .notice[role=status]");

    private final Chromium browser;

    private ReviewPage(Chromium browser) {
        this.browser = browser;
    }

    public static ReviewPage current(Chromium browser) {
        browser.find(VIDEO);
        ReviewPage page = new ReviewPage(browser);
        // the player knows the video's length once its metadata arrived (through a range request)
        browser.waitUntil(d -> page.number("return document.getElementById('review-video').readyState") >= 1 ? Boolean.TRUE : null);
        return page;
    }

    public static ReviewPage open(Chromium browser, String videoId) {
        browser.open("/coach/videos/" + videoId);
        return current(browser);
    }

    public String videoSource() {
        return browser.find(VIDEO).getAttribute("src");
    }

    public double duration() {
        return number("return document.getElementById('review-video').duration");
    }

    public double currentTime() {
        return number("return document.getElementById('review-video').currentTime");
    }

    public double playbackRate() {
        return number("return document.getElementById('review-video').playbackRate");
    }

    /** Plays (the page's Play button) until the video has moved on, then pauses it with the same button. */
    public void playAWhile() {
        browser.click(PLAY_PAUSE);
        browser.waitUntil(d -> currentTime() > 0.2 ? Boolean.TRUE : null);
        browser.click(PLAY_PAUSE);
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return document.getElementById('review-video').paused")) ? Boolean.TRUE : null);
    }

    public void slowMotion(String rate) {
        browser.click(By.cssSelector(".speed[data-rate='" + rate + "']"));
    }

    /** Drags the seek bar to {@code second} (sets the range input and fires its input event) and waits for the seek. */
    public void seekTo(double second) {
        browser.script("const seek = document.getElementById('seek'); seek.value = arguments[0];"
                + "seek.dispatchEvent(new Event('input', {bubbles: true})); seek.dispatchEvent(new Event('change', {bubbles: true}));", second);
        awaitSeeked(second);
    }

    /** Presses {@code .} (next frame) on the page. */
    public void nextFrame() {
        double before = currentTime();
        browser.find(By.tagName("body")).sendKeys(".");
        browser.waitUntil(d -> currentTime() > before + 0.001 ? Boolean.TRUE : null);
        awaitSeeked(currentTime());
    }

    /** Presses {@code ,} (previous frame) on the page. */
    public void previousFrame() {
        double before = currentTime();
        browser.find(By.tagName("body")).sendKeys(",");
        browser.waitUntil(d -> currentTime() < before - 0.001 ? Boolean.TRUE : null);
        awaitSeeked(currentTime());
    }

    private void awaitSeeked(double second) {
        browser.waitUntil(d -> !Boolean.TRUE.equals(browser.script("return document.getElementById('review-video').seeking"))
                && Math.abs(currentTime() - second) < 0.05 ? Boolean.TRUE : null);
    }

    /**
     * "Mark fault here" at the player's time, the fault chosen, "Add fault"; waits for its marker on the seek bar and
     * its line in the list. Answers the second the form sent, as the page showed it.
     */
    public String markFault(String fault) {
        browser.click(MARK_FAULT);
        String at = browser.waitUntil(d -> {
            String value = browser.find(AT_SECOND).getAttribute("value");
            return value == null || value.isBlank() ? null : value;
        });
        int markersBefore = browser.all(MARKERS).size();
        new Select(browser.find(FAULT)).selectByValue(fault);
        browser.click(ADD_FAULT);
        browser.waitUntil(d -> browser.all(MARKERS).size() > markersBefore ? Boolean.TRUE : null);
        return at;
    }

    public List<String> markerTimes() {
        return browser.all(MARKERS).stream().map(m -> m.getAttribute("data-at")).toList();
    }

    public List<String> faultLines() {
        return browser.all(FAULT_ITEMS).stream().map(WebElement::getText).toList();
    }

    public List<String> suggestedCues() {
        return browser.all(SUGGESTED_CUES).stream().map(WebElement::getText).toList();
    }

    /** Clicks the suggested cue whose button names {@code cue}; waits for the cue form to say it was assigned. */
    public String assignSuggested(String cue) {
        browser.all(SUGGESTED_CUES).stream().filter(b -> b.getText().contains(cue)).findFirst()
                .orElseThrow(() -> new AssertionError("no suggested cue " + cue + " among " + suggestedCues()))
                .click();
        return browser.waitUntil(d -> {
            String notice = browser.find(CUE_ASSIGNED).getText();
            return notice.contains(cue) ? notice : null;
        });
    }

    private double number(String script) {
        Object value = browser.script(script);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
