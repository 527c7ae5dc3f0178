package dev.hinge.e2e.pages;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's browser: Debian's headless chromium driven through {@code /usr/bin/chromedriver} (Selenium downloads
 * nothing and asks no Selenium Manager). Each person gets their own, so their sessions (cookies) stay apart. Saves
 * screenshots under {@code target/screenshots/} and checks pages with axe-core.
 */
public final class Chromium implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final int DESKTOP = 1280;
    public static final int PHONE = 375;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String baseUrl;

    private Chromium(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** A new browser whose relative paths resolve against {@code baseUrl} ({@code http://localhost:8081}). */
    public static Chromium start(String baseUrl) {
        for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver; .ci/run does)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + DESKTOP + ",900", "--lang=en-US", "--no-first-run", "--mute-audio",
                "--autoplay-policy=no-user-gesture-required", "--disable-extensions", "--disable-background-networking");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return new Chromium(driver, baseUrl);
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
        return new WebDriverWait(driver, limit).ignoring(RuntimeException.class).until(d -> condition.apply(driver));
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

    /**
     * Saves the page as {@code target/screenshots/<name>-1280.png} and {@code <name>-375.png}: the whole page at a
     * desktop's and a phone's width, then goes back to the desktop width.
     */
    public List<Path> screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path desktop = screenshot(name, DESKTOP);
            Path phone = screenshot(name, PHONE);
            driver.manage().window().setSize(new Dimension(DESKTOP, 900));
            return List.of(desktop, phone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path screenshot(String name, int width) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 900));
        waitUntil(d -> ((Number) script("return window.innerWidth")).intValue() <= width);
        // let the layout (and a chart's resize) settle at the new width
        asyncScript("const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)));");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "fromSurface", true));
        Path file = SCREENSHOTS.resolve(name + "-" + width + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        assertThat(Files.size(file)).as(file + " holds a picture").isGreaterThan(1_000);
        return file;
    }

    /**
     * Runs axe-core on the page as it is and fails on any serious or critical violation, naming each with its
     * elements; the whole result is saved as {@code target/axe/<name>.json}. Returns the count of lesser ones.
     */
    public List<Rule> assertAccessible(String name) {
        Results results = new AxeBuilder().analyze(driver);
        try {
            Path dir = Path.of("target", "axe");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".json"),
                    new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(results.isErrored()).as("axe-core ran on " + name + ": " + results.getErrorMessage()).isFalse();
        List<Rule> severe = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertThat(severe).as("serious or critical axe-core violations on " + name + ":\n" + describe(severe)).isEmpty();
        return results.getViolations();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> "- " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + "\n    "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }

    /** Sends a file to a file input (the way a person picks one). */
    public Chromium upload(By fileInput, File file) {
        find(fileInput).sendKeys(file.getAbsolutePath());
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
