package dev.hinge.readside.chart;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.WeightUnit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The progression chart of one athlete on one exercise: load over time, each set a point with its pain, the reference
 * max and the deload level as horizontal lines, each deload and cue as a vertical marker, and the best pain-free load
 * as a stepped series. Made from the timeline's rows of the exercise (sets, deloads, cues) and the progress read
 * model's current view; loads are in the view's unit (the reference max's), rounded for display to two decimals.
 *
 * @param exercise     the exercise slug
 * @param exerciseName "Deadlift"
 * @param unit         {@code lb} or {@code kg}; null when nothing is logged
 * @param points       every set, oldest first
 * @param referenceMax the reference max line, or null
 * @param deloadLevel  the active deload's rounded load, or null without one
 * @param markers      deloads and cues, oldest first
 * @param painFreeBest the best pain-free load as steps, oldest first: each holds until the next; a null load starts
 *                     a stretch with none yet (a deload resets the best)
 * @param summary      the chart in one paragraph, for the figure's caption and screen readers
 */
public record ProgressChart(String exercise, String exerciseName, String unit, List<Point> points,
                            BigDecimal referenceMax, BigDecimal deloadLevel, List<Marker> markers,
                            List<Step> painFreeBest, String summary) {
    static final String SET = "set_logged";
    static final String DELOAD = "deload_prescribed";
    static final String CUE = "cue_assigned";
    /** The timeline item types a chart reads. */
    public static final List<String> TYPES = List.of(SET, DELOAD, CUE);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public ProgressChart {
        points = List.copyOf(points);
        markers = List.copyOf(markers);
        painFreeBest = List.copyOf(painFreeBest);
    }

    /**
     * One set.
     *
     * @param pain        the score 0–10, or null when no pain was reported
     * @param painQuality the quality slug, or null when no pain was reported
     * @param redFlag     radiating, tingling or numbness
     */
    public record Point(Instant at, BigDecimal load, int reps, Integer pain, String painQuality, boolean redFlag,
                        UUID setId) {
        /** "2026-10-03 18:00 UTC", for the table a screen reader reads. */
        @JsonIgnore
        public String when() {
            return WHEN.format(at);
        }

        /** "6 (sharp)", "0", or "not reported". */
        @JsonIgnore
        public String painText() {
            if (pain == null) {
                return "not reported";
            }
            return "none".equals(painQuality) ? pain.toString() : pain + " (" + painQuality + ")";
        }
    }

    /** A vertical marker: {@code kind} is {@code deload} or {@code cue}; the label is "scale to 50%" or the cue. */
    public record Marker(Instant at, String kind, String label) {
        @JsonIgnore
        public String when() {
            return WHEN.format(at);
        }
    }

    /** From {@code at}, the best pain-free load is {@code load} (null: none since the deload). */
    public record Step(Instant at, BigDecimal load) {
    }

    /** The chart of {@code items} (timeline items of the exercise, oldest first) with the lines of {@code view}. */
    public static ProgressChart of(ProgressView view, List<TimelineItem> items) {
        Exercise exercise = new Exercise(view.exercise());
        WeightUnit unit = view.unit() == null ? firstUnit(items) : parseUnit(view.unit());
        List<Point> points = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Load best = null;
        for (TimelineItem item : items) {
            Map<String, Object> data = item.data();
            switch (item.type()) {
                case SET -> {
                    Load load = load(data.get("load"));
                    Map<?, ?> pain = (Map<?, ?>) data.get("pain");
                    Integer score = pain == null ? null : ((Number) pain.get("score")).intValue();
                    PainQuality quality = pain == null ? null : Slugs.parse(PainQuality.class, (String) pain.get("quality"));
                    points.add(new Point(item.at(), display(load.in(unit).value()), ((Number) data.get("reps")).intValue(),
                            score, quality == null ? null : Slugs.of(quality), quality != null && quality.isRedFlag(),
                            UUID.fromString((String) data.get("id"))));
                    boolean painFree = pain != null && new PainReport(new PainScore(score), null, quality).isPainFree();
                    if (painFree && (best == null || load.heavierThan(best))) {
                        best = load;
                        steps.add(new Step(item.at(), display(load.in(unit).value())));
                    }
                }
                case DELOAD -> {
                    markers.add(new Marker(item.at(), "deload", "scale to " + plain(number(data.get("percent"))) + "%"));
                    if (best != null) {
                        steps.add(new Step(item.at(), null));
                    }
                    best = null;
                }
                case CUE -> markers.add(new Marker(item.at(), "cue", (String) data.get("text")));
                default -> {
                }
            }
        }
        if (best != null && !points.isEmpty() && !steps.get(steps.size() - 1).at().equals(points.get(points.size() - 1).at())) {
            // the best holds up to the latest set
            steps.add(new Step(points.get(points.size() - 1).at(), display(best.in(unit).value())));
        }
        BigDecimal deloadLevel = view.deload() == null ? null : view.deload().roundedLoad();
        String unitSlug = unit == null ? null : Slugs.of(unit);
        return new ProgressChart(exercise.slug(), exercise.displayName(), unitSlug, points, view.referenceMax(),
                deloadLevel, markers, steps, summary(exercise, unitSlug, points, view, markers, steps));
    }

    private static String summary(Exercise exercise, String unit, List<Point> points, ProgressView view,
                                  List<Marker> markers, List<Step> steps) {
        if (points.isEmpty()) {
            return "No " + exercise.displayName().toLowerCase(Locale.ROOT) + " sets logged yet.";
        }
        StringBuilder s = new StringBuilder();
        s.append(exercise.displayName()).append(" load over time: ").append(points.size())
                .append(points.size() == 1 ? " set" : " sets").append(" from ").append(day(points.get(0).at()))
                .append(" to ").append(day(points.get(points.size() - 1).at())).append(", ")
                .append(plain(points.stream().map(Point::load).min(BigDecimal::compareTo).orElseThrow())).append(" to ")
                .append(plain(points.stream().map(Point::load).max(BigDecimal::compareTo).orElseThrow())).append(' ')
                .append(unit).append('.');
        long painful = points.stream().filter(p -> p.pain() != null && p.pain() > 0).count();
        long redFlags = points.stream().filter(Point::redFlag).count();
        if (painful > 0) {
            s.append(' ').append(painful).append(painful == 1 ? " set" : " sets").append(" with pain");
            s.append(redFlags > 0 ? ", " + redFlags + " with a red flag." : ".");
        }
        if (view.referenceMax() != null) {
            s.append(" Reference max ").append(plain(view.referenceMax())).append(' ').append(unit).append('.');
        }
        for (Marker m : markers) {
            s.append(' ').append(m.kind().equals("deload") ? "Deload, " + m.label() : "Cue \"" + m.label() + "\"")
                    .append(", on ").append(day(m.at())).append('.');
        }
        if (view.deload() != null) {
            s.append(" Deload level ").append(plain(view.deload().roundedLoad())).append(' ').append(unit).append('.');
        }
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last != null && last.load() != null) {
            s.append(" Best pain-free load ").append(plain(last.load())).append(' ').append(unit);
            if (view.bestPainFreePercent() != null) {
                s.append(" (").append(plain(view.bestPainFreePercent())).append("% of the reference max)");
            }
            s.append('.');
        }
        return s.toString();
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static WeightUnit firstUnit(List<TimelineItem> items) {
        return items.stream().filter(i -> SET.equals(i.type())).findFirst().map(i -> load(i.data().get("load")).unit())
                .orElse(null);
    }

    private static WeightUnit parseUnit(String slug) {
        return Slugs.parse(WeightUnit.class, slug);
    }

    private static Load load(Object value) {
        Map<?, ?> load = (Map<?, ?>) Objects.requireNonNull(value, "load");
        return new Load(number(load.get("value")), parseUnit((String) load.get("unit")));
    }

    private static BigDecimal number(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value));
    }

    /** Two decimals at most, as the progress view shows loads. */
    private static BigDecimal display(BigDecimal value) {
        BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
