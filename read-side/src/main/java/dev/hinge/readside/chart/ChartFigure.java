package dev.hinge.readside.chart;

/**
 * What the {@code chart :: chart(chart)} fragment renders: the chart, and its JSON for the browser's script (put in
 * an escaped attribute, never in a script).
 */
public record ChartFigure(ProgressChart chart, String json) {
}
