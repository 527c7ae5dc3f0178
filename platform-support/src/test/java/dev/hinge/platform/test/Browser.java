package dev.hinge.platform.test;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Headless Debian Chromium driven by Selenium through {@code /usr/bin/chromedriver}: nothing is downloaded (no Selenium
 * Manager), and a machine without them fails the test saying what to install (never a skip). Screenshots go to
 * {@code target/screenshots/} at the two widths people use (1280 px and a 375 px phone), whole pages; axe-core checks a
 * page and fails on serious or critical violations.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getProperty("hinge.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("hinge.chromedriver", "/usr/bin/chromedriver"));
    private static final Set<String> SERIOUS = Set.of("serious", "critical");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM
                    + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver (.ci/run does)");
        }
        try {
            Path profile = Files.createTempDirectory("hinge-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // the flags a root user in a container needs, and none of Chromium's calls home (the network is closed)
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--disable-extensions", "--mute-audio", "--autoplay-policy=no-user-gesture-required",
                    "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser get(String url) {
        driver.get(url);
        return this;
    }

    /** Waits up to 15 s, for what a person waits for (a live item, a rendered chart). */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * The whole page as PNG at 1280 and 375 px wide, as {@code target/screenshots/<name>-1280.png} and {@code -375.png}
     * (relative to the test's working directory, the module). The window is left at 1280 px.
     */
    public List<Path> screenshots(String name) {
        Path folder = Path.of("target", "screenshots");
        try {
            Files.createDirectories(folder);
            Path wide = shoot(folder.resolve(name + "-1280.png"), 1280);
            Path narrow = shoot(folder.resolve(name + "-375.png"), 375);
            driver.manage().window().setSize(new Dimension(1280, 900));
            return List.of(wide, narrow);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path shoot(Path file, int width) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 900));
        Number height = script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
        driver.manage().window().setSize(new Dimension(width, Math.min(Math.max(height.intValue() + 140, 600), 6000)));
        script("window.dispatchEvent(new Event('resize'));");
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** axe-core's verdict on the page as it is now; fails naming every serious or critical violation. */
    public Results assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> serious = results.getViolations().stream().filter(rule -> SERIOUS.contains(rule.getImpact())).toList();
        if (!serious.isEmpty()) {
            throw new AssertionError("axe-core on " + page + ": " + serious.stream()
                    .map(rule -> rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at "
                            + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; ")));
        }
        return results;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
