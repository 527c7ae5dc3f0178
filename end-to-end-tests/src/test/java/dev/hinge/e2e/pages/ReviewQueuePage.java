package dev.hinge.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;

/** {@code /coach/reviews}: videos waiting for review. Selectors from the coach/reviews template. */
public final class ReviewQueuePage {
    public static final String PATH = "/coach/reviews";
    public static final By ITEMS = By.cssSelector("ul.queue li.queue-item a.queue-link");

    private final Chromium browser;

    private ReviewQueuePage(Chromium browser) {
        this.browser = browser;
    }

    /** Opens the queue again until it holds a video of {@code athleteName} (a read model, a moment behind). */
    public static ReviewQueuePage openListing(Chromium browser, String athleteName) {
        ReviewQueuePage page = new ReviewQueuePage(browser);
        browser.waitUntil(Duration.ofSeconds(30), d -> {
            browser.open(PATH);
            return page.link(athleteName) != null ? Boolean.TRUE : null;
        });
        return page;
    }

    private WebElement link(String athleteName) {
        return browser.all(ITEMS).stream().filter(a -> a.getText().contains(athleteName)).findFirst().orElse(null);
    }

    public ReviewPage review(String athleteName) {
        link(athleteName).click();
        return ReviewPage.current(browser);
    }
}
