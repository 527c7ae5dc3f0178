package dev.hinge.readside.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.readside.progress.ProgressProjection;
import dev.hinge.readside.progress.ProgressQuery;
import dev.hinge.readside.timeline.TimelineProjection;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What both services' progress pages show of one athlete (the athlete's own page, and a granted coach's): the
 * progress view of one exercise, as the API's progress route answers it, its chart, and the exercises to pick from.
 * The caller checks who may see it.
 */
public class ProgressPages {
    private final ProgressProjection progress;
    private final ProgressCharts charts;

    public ProgressPages(ProgressProjection progress, TimelineProjection timeline, ObjectMapper json) {
        this.progress = progress;
        this.charts = new ProgressCharts(timeline.store(), json);
    }

    /**
     * The athlete's progress on {@code exercise} (a slug, validated as the API's {@code exercise}; without one, the
     * first exercise they have progress on, else the deadlift), as of {@code now}.
     */
    public Shown read(UUID athleteId, String exercise, Instant now) {
        List<Exercise> exercises = new ArrayList<>(progress.exercises(athleteId));
        Exercise shown = exercise == null || exercise.isBlank()
                ? exercises.stream().findFirst().orElse(Exercise.DEADLIFT)
                : ProgressQuery.parse(exercise, null, now).exercise();
        if (!exercises.contains(shown)) {
            exercises.add(0, shown);
        }
        ProgressView view = progress.progress(athleteId, shown, now);
        ChartFigure chart = charts.figure(athleteId, view, now);
        return new Shown(shown, exercises, view, chart, Integer.toHexString((chart.json() + view).hashCode()));
    }

    /**
     * @param version changes whenever what is shown changes: the live route answers 204 while the page's is current
     */
    public record Shown(Exercise exercise, List<Exercise> exercises, ProgressView view, ChartFigure chart,
                        String version) {
        public Shown {
            exercises = List.copyOf(exercises);
        }

        /** Whether a page showing {@code version} already shows this. */
        public boolean shownAs(String version) {
            return this.version.equals(version);
        }

        /**
         * The page's model: {@code exercise}, {@code exercises}, {@code view}, {@code chart}, and {@code liveUrl}
         * ({@code livePath} with this exercise and version).
         */
        public Map<String, Object> model(String livePath) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("exercise", exercise);
            model.put("exercises", exercises);
            model.put("view", view);
            model.put("chart", chart);
            model.put("liveUrl", UriComponentsBuilder.fromPath(livePath).queryParam("exercise", exercise.slug())
                    .queryParam("v", version).build().encode().toUriString());
            return model;
        }
    }
}
