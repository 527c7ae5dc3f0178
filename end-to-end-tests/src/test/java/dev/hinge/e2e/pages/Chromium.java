package dev.hinge.e2e.pages;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import dev.hinge.platform.test.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's browser for the page objects: the test harness's {@link Browser} (Debian's headless chromium through
 * {@code /usr/bin/chromedriver}, screenshots under {@code target/screenshots/}, axe-core) with a base address, waits
 * and the few gestures the story needs. Each person gets their own, so their sessions (cookies) stay apart.
 */
public final class Chromium implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Browser browser;
    private final ChromeDriver driver;
    private final String baseUrl;

    private Chromium(Browser browser, String baseUrl) {
        this.browser = browser;
        this.driver = (ChromeDriver) browser.driver();
        this.baseUrl = baseUrl;
    }

    /** A new browser whose relative paths resolve against {@code baseUrl} ({@code http://localhost:8081}). */
    public static Chromium start(String baseUrl) {
        Browser browser = Browser.open();
        browser.driver().manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Chromium(browser, baseUrl);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Opens {@code path} (relative to the base address, or absolute) and waits for the document to load. */
    public Chromium open(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        waitUntil(d -> "complete".equals(script("return document.readyState")));
        return this;
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public WebElement visible(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public <T> T waitUntil(Function<ChromeDriver, T> condition) {
        return waitUntil(PATIENCE, condition);
    }

    public <T> T waitUntil(Duration limit, Function<ChromeDriver, T> condition) {
        return new WebDriverWait(driver, limit).ignoring(RuntimeException.class)
                .withMessage(() -> "on " + driver.getCurrentUrl() + " (a page object's wait; its selectors are in dev.hinge.e2e.pages)")
                .until(d -> condition.apply(driver));
    }

    /** Types into a field, replacing what it held. */
    public Chromium type(By field, String text) {
        WebElement input = visible(field);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public Chromium click(By by) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** The page session's token (the {@code hinge_session} cookie holds the same JWT the API issues), or null. */
    public String sessionToken() {
        Cookie cookie = driver.manage().getCookieNamed("hinge_session");
        return cookie == null ? null : cookie.getValue();
    }

    /**
     * Signs this browser in to {@code section} ({@code athlete}, {@code coach}) with a token the API issued: the page
     * session cookie holds the same JWT, on the section's path (so both sections' sessions can live on one address).
     */
    public Chromium signInWith(String section, String token) {
        open("/" + section + "/sign-in"); // public; a cookie can only be set on the origin's own page
        driver.manage().addCookie(new Cookie.Builder("hinge_session", token).path("/" + section).isHttpOnly(true)
                .sameSite("Strict").build());
        return this;
    }

    /** The page as PNG at 1280 and 375 px wide under {@code target/screenshots/} (the harness's). */
    public List<Path> screenshots(String name) {
        List<Path> files = browser.screenshots(name);
        for (Path file : files) {
            try {
                assertThat(Files.size(file)).as(file + " holds a picture").isGreaterThan(1_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /**
     * axe-core on the page as it is (the harness's check: fails naming each serious or critical violation); a passing
     * result is saved as {@code target/axe/<name>.json} for the note. Answers the lesser violations.
     */
    public List<Rule> assertAccessible(String name) {
        Results results = browser.assertAccessible(name);
        try {
            Path dir = Path.of("target", "axe");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".json"),
                    new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results.getViolations();
    }

    /** Sends a file to a file input (the way a person picks one). */
    public Chromium upload(By fileInput, File file) {
        find(fileInput).sendKeys(file.getAbsolutePath());
        return this;
    }

    @Override
    public void close() {
        browser.close();
    }
}
