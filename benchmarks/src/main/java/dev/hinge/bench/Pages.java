package dev.hinge.bench;

import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pages' measurement ({@code --pages}): the time to first paint of the coach's roster ({@code /coach/}) in
 * Debian's headless chromium, driven by Selenium through {@code /usr/bin/chromedriver} (nothing downloaded). Signed
 * in by the page session cookie (the same JWT the API issued), the roster is loaded again and again; each load's
 * {@code first-contentful-paint} from the Performance API, and the navigation's own timings, are read in the page.
 * The first load (cold: the JIT, the browser's cache) is reported apart and not counted in the percentiles.
 */
final class Pages {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** One load's figures in milliseconds from the navigation's start. */
    record Load(double firstContentfulPaint, double firstByte, double domContentLoaded, double loaded) {
    }

    /** What a run measured: the first load, the counted ones, and whether the page listed the roster. */
    record Result(String path, int athletes, Load first, List<Load> loads, int listed, String problem) {
        double[] fcp() {
            return loads.stream().mapToDouble(Load::firstContentfulPaint).sorted().toArray();
        }

        double[] firstByte() {
            return loads.stream().mapToDouble(Load::firstByte).sorted().toArray();
        }

        double[] domContentLoaded() {
            return loads.stream().mapToDouble(Load::domContentLoaded).sorted().toArray();
        }

        double[] loaded() {
            return loads.stream().mapToDouble(Load::loaded).sorted().toArray();
        }
    }

    private Pages() {
    }

    /**
     * Loads {@code path} on coach-service {@code samples + 1} times, signed in with {@code token}, and checks the
     * last load names every one of {@code names}.
     */
    static Result measure(int coachPort, String token, String path, List<String> names, int samples) {
        for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: apt-get install chromium chromium-driver");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions", "--disable-background-networking");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            String origin = "http://127.0.0.1:" + coachPort;
            driver.get(origin + "/coach/sign-in"); // public: a cookie is set on the origin's own page
            // the page session: the same JWT the API issued, in the cookie on the coach's section
            driver.manage().addCookie(new Cookie.Builder("hinge_session", token).path("/coach").isHttpOnly(true).build());
            Load first = load(driver, origin + path);
            List<Load> loads = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                loads.add(load(driver, origin + path));
            }
            String landed = java.net.URI.create(driver.getCurrentUrl()).getPath();
            String html = driver.getPageSource();
            int listed = (int) names.stream().filter(name -> html.contains(">" + name + "<")).count(); // the name as a whole text
            String problem = !landed.equals(path) ? "the browser landed on " + landed + ", not " + path
                    : listed < names.size() ? "the page named " + listed + " of the " + names.size() + " athletes"
                    : null;
            return new Result(path, names.size(), first, loads, listed, problem);
        } finally {
            driver.quit();
        }
    }

    private static Load load(ChromeDriver driver, String url) {
        driver.get(url); // returns once the document has loaded
        JavascriptExecutor js = driver;
        // first-contentful-paint is recorded a frame after the paint: wait for it (at most 10 s)
        @SuppressWarnings("unchecked")
        Map<String, Object> timings = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const started = performance.now();"
                        + "(function poll() {"
                        + "  const fcp = performance.getEntriesByName('first-contentful-paint')[0];"
                        + "  const nav = performance.getEntriesByType('navigation')[0];"
                        + "  if ((fcp && nav && nav.loadEventEnd > 0) || performance.now() - started > 10000) {"
                        + "    done({fcp: fcp ? fcp.startTime : -1, firstByte: nav ? nav.responseStart : -1,"
                        + "          dcl: nav ? nav.domContentLoadedEventEnd : -1, load: nav ? nav.loadEventEnd : -1});"
                        + "  } else { setTimeout(poll, 20); }"
                        + "})();");
        js.executeScript("performance.clearResourceTimings()");
        return new Load(number(timings.get("fcp")), number(timings.get("firstByte")), number(timings.get("dcl")),
                number(timings.get("load")));
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : -1;
    }

    /** The nearest-rank percentile of sorted values; NaN without any. */
    static double percentile(double[] sorted, double percent) {
        double[] valid = Arrays.stream(sorted).filter(v -> v >= 0).toArray();
        if (valid.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * valid.length);
        return valid[Math.max(0, Math.min(valid.length - 1, rank - 1))];
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.0f", millis);
    }
}
