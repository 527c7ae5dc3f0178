package dev.hinge.readside.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.readside.timeline.TimelineStore;

import java.time.Instant;
import java.util.UUID;

/**
 * Reads progress charts: the timeline's rows of one athlete's exercise (sets, deloads, cues: one read along the
 * athlete's rows, each row shown parsed once) with the lines of a progress view the caller has already read (one
 * state row). Nothing folds the event history per read.
 */
public class ProgressCharts {
    /** The most recent rows a chart shows; a longer history starts its pain-free best within them. */
    public static final int MAX_ROWS = 1_000;

    private final TimelineStore timeline;
    private final ObjectMapper json;

    public ProgressCharts(TimelineStore timeline, ObjectMapper json) {
        this.timeline = timeline;
        this.json = json;
    }

    /** The chart of {@code athleteId} on {@code view}'s exercise, as of {@code asOf} (the moment the view describes). */
    public ProgressChart chart(UUID athleteId, ProgressView view, Instant asOf) {
        return ProgressChart.of(view, timeline.latestOfTypes(athleteId, view.exercise(), ProgressChart.TYPES, asOf, MAX_ROWS));
    }

    /** The chart with its JSON, for a page's figure. */
    public ChartFigure figure(UUID athleteId, ProgressView view, Instant asOf) {
        return figure(chart(athleteId, view, asOf));
    }

    public ChartFigure figure(ProgressChart chart) {
        try {
            return new ChartFigure(chart, json.writeValueAsString(chart));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
