package dev.hinge.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/**
 * The coach's roster, {@code /coach/}: red flags first, then pain, then the rest; each athlete a card whose name
 * links to {@code /coach/athletes/{id}}. Selectors from the coach/roster template.
 */
public final class RosterPage {
    public static final String PATH = "/coach/";
    public static final By ATHLETE_LINKS = By.cssSelector("#roster li.athlete-card a.athlete-name");

    private final Chromium browser;

    private RosterPage(Chromium browser) {
        this.browser = browser;
    }

    public static RosterPage open(Chromium browser) {
        browser.open(PATH);
        return new RosterPage(browser);
    }

    /** Opens the roster again until it lists {@code name} (the roster is a read model: a moment behind a grant). */
    public static RosterPage openListing(Chromium browser, String name) {
        RosterPage page = new RosterPage(browser);
        browser.waitUntil(java.time.Duration.ofSeconds(30), d -> {
            browser.open(PATH);
            return page.names().stream().anyMatch(n -> n.contains(name)) ? Boolean.TRUE : null;
        });
        return page;
    }

    public List<String> names() {
        return browser.all(ATHLETE_LINKS).stream().map(WebElement::getText).toList();
    }
}
