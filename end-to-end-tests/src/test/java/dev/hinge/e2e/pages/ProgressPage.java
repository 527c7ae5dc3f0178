package dev.hinge.e2e.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A progress page with its chart: the athlete's {@code /athlete/progress?exercise=…} and the coach's
 * {@code /coach/athletes/{id}/progress?exercise=…}. Selectors from the chart (platform-support chart.html,
 * assets/chart.js): the chart's data is the JSON of a ProgressChart in the {@code data-chart} attribute, which
 * chart.js draws with ECharts into the same element.
 */
public final class ProgressPage {
    public static final By FIGURE = By.cssSelector("figure.chart");
    public static final By CANVAS = By.cssSelector("figure.chart [data-chart]");
    public static final By TABLE_ROWS = By.cssSelector("figure.chart tr.chart__row");
    public static final By SUMMARY = By.cssSelector(".progress-summary");

    private final Chromium browser;

    private ProgressPage(Chromium browser) {
        this.browser = browser;
    }

    public static ProgressPage athletes(Chromium browser, String exercise) {
        return open(browser, "/athlete/progress?exercise=" + exercise);
    }

    public static ProgressPage coachs(Chromium browser, UUID athleteId, String exercise) {
        return open(browser, "/coach/athletes/" + athleteId + "/progress?exercise=" + exercise);
    }

    private static ProgressPage open(Chromium browser, String path) {
        browser.open(path);
        browser.find(CANVAS);
        ProgressPage page = new ProgressPage(browser);
        page.awaitDrawn();
        return page;
    }

    /** The chart's data as the page holds it (the {@code data-chart} attribute). */
    public JsonNode data() {
        try {
            return new ObjectMapper().readTree(browser.find(CANVAS).getAttribute("data-chart"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until ECharts has drawn the chart: an instance on the element with a canvas or svg inside. */
    public void awaitDrawn() {
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
                "const el = document.querySelector('figure.chart [data-chart]');"
                        + "const chart = el && window.echarts && window.echarts.getInstanceByDom(el);"
                        + "return !!chart && !!el.querySelector('canvas, svg');")) ? Boolean.TRUE : null);
    }

    /**
     * What ECharts drew: each series' name, type, how many data items it holds, and its markLine / markArea items
     * (the horizontal and vertical lines), from {@code getOption()}.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> drawnSeries() {
        return (List<Map<String, Object>>) browser.script(
                "const el = document.querySelector('figure.chart [data-chart]');"
                        + "const option = window.echarts.getInstanceByDom(el).getOption();"
                        + "return (option.series || []).map(s => ({name: s.name || null, type: s.type,"
                        + " step: s.step || null, count: (s.data || []).length,"
                        + " markLines: ((s.markLine || {}).data || []).length}));");
    }

    public int tableRows() {
        return browser.all(TABLE_ROWS).size();
    }

    public String summary() {
        return browser.find(SUMMARY).getText();
    }
}
