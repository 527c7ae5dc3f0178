package dev.hinge.kernel.progress;

import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.RedFlagStop;
import dev.hinge.kernel.progress.ProgressView.ChecklistAdherence;
import dev.hinge.kernel.progress.ProgressView.DeloadSummary;
import dev.hinge.kernel.progress.ProgressView.PainSummary;
import dev.hinge.kernel.progress.ProgressView.SkippedItem;
import dev.hinge.kernel.progress.ProgressView.SuggestedLoad;
import dev.hinge.kernel.progress.ProgressView.Suggestion;
import dev.hinge.kernel.progress.ProgressView.TrendPoint;
import dev.hinge.kernel.progress.ProgressView.Warning;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.WeightUnit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The progress rules applied to a {@link ProgressState} as of a moment: one method per field of the view. */
final class ProgressRules {
    private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SECONDS_PER_WEEK = BigDecimal.valueOf(Duration.ofDays(7).toSeconds());
    private static final int DISPLAY_DECIMALS = 2;

    private final Exercise exercise;
    private final ProgressState state;
    private final Instant asOf;
    private final ZoneId zone;
    /** The active deload, or null. */
    private final DeloadPrescribedEvent deload;
    private final List<Session> sessions;
    /** The sessions since the deload; every session without one. */
    private final List<Session> sessionsSinceDeload;
    /** The deload's reference max, else the heaviest load logged; null when there is neither. */
    private final Load referenceMax;
    /** The unit of every load in the view; null when there is no load at all. */
    private final WeightUnit unit;
    /** The heaviest pain-free load since the deload, or null. */
    private final Load bestPainFree;

    ProgressRules(ProgressState state, Instant asOf) {
        this.exercise = state.exercise();
        this.state = state;
        this.asOf = asOf;
        this.zone = state.zone();
        this.deload = state.deload();
        this.sessions = sessions(state);
        this.sessionsSinceDeload = sessions.stream().filter(s -> isSinceDeload(s.lastSetAt())).toList();
        this.referenceMax = deload != null ? deload.deload().referenceMax() : state.heaviest();
        this.unit = referenceMax == null ? null : referenceMax.unit();
        this.bestPainFree = state.painFreeLoads().isEmpty() ? null
                : state.painFreeLoads().get(state.painFreeLoads().size() - 1);
    }

    /** The state's sessions, the readings kept aside counted for the latest (no set since tells otherwise). */
    private static List<Session> sessions(ProgressState state) {
        if (state.pendingReadings().isEmpty() || state.sessions().isEmpty()) {
            return state.sessions();
        }
        List<Session> sessions = new ArrayList<>(state.sessions());
        Session latest = sessions.get(sessions.size() - 1);
        for (Session.Reading reading : state.pendingReadings()) {
            latest = latest.with(reading);
        }
        sessions.set(sessions.size() - 1, latest);
        return sessions;
    }

    ProgressView view() {
        return new ProgressView(exercise.slug(), unit == null ? null : Slugs.of(unit), amount(referenceMax),
                deloadSummary(), amount(bestPainFree), bestPainFreePercent(), weeksSinceDeload(), painFreeStreak(),
                latestPain(), state.activeCues().stream().map(ProgressState.ActiveCue::text).toList(), Slugs.of(status()), suggestion(), e1rmTrend(), warnings(),
                checklist());
    }

    private DeloadSummary deloadSummary() {
        if (deload == null) {
            return null;
        }
        Deload d = deload.deload();
        return new DeloadSummary(d.percent().value(), amount(d.exactLoad()), amount(d.roundedLoad()), deload.at());
    }

    private BigDecimal bestPainFreePercent() {
        if (bestPainFree == null || referenceMax == null) {
            return null;
        }
        return bestPainFree.kilograms().multiply(HUNDRED).divide(referenceMax.kilograms(), 1, RoundingMode.HALF_UP);
    }

    private BigDecimal weeksSinceDeload() {
        if (deload == null) {
            return null;
        }
        long seconds = Duration.between(deload.at(), asOf).toSeconds();
        return BigDecimal.valueOf(seconds).divide(SECONDS_PER_WEEK, 1, RoundingMode.HALF_UP);
    }

    private int painFreeStreak() {
        int streak = 0;
        for (int i = sessions.size() - 1; i >= 0 && sessions.get(i).painFree(); i--) {
            streak++;
        }
        return streak;
    }

    private PainSummary latestPain() {
        return latestSession()
                .flatMap(Session::pain)
                .map(r -> new PainSummary(r.report().score().value(), Slugs.of(r.report().quality()), r.at()))
                .orElse(null);
    }

    private ProgressStatus status() {
        if (state.redFlagStop() != null) {
            return ProgressStatus.RED_FLAG;
        }
        if (latestSession().map(Session::painful).orElse(false)) {
            return ProgressStatus.PAIN_REPORTED;
        }
        if (deload == null) {
            return ProgressStatus.PROGRESSING;
        }
        if (bestPainFree != null && !referenceMax.heavierThan(bestPainFree)) {
            return ProgressStatus.RECOVERED;
        }
        if (bestPainFree != null && bestPainFree.heavierThan(deload.deload().roundedLoad())) {
            return ProgressStatus.PROGRESSING;
        }
        return ProgressStatus.DELOADED;
    }

    private Suggestion suggestion() {
        if (state.redFlagStop() != null) {
            return stop(state.redFlagStop());
        }
        Optional<Session> painful = latestSession().filter(Session::painful);
        if (painful.isPresent()) {
            return backOff(painful.get());
        }
        int n = sessionsSinceDeload.size();
        if (n >= 2 && sessionsSinceDeload.get(n - 2).painFree() && sessionsSinceDeload.get(n - 1).painFree()) {
            return increase(sessionsSinceDeload.get(n - 2), sessionsSinceDeload.get(n - 1));
        }
        return hold();
    }

    private Suggestion stop(RedFlagStop stop) {
        return suggest(SuggestedAction.STOP, null, "A red flag (" + pain(stop.report()) + ") was reported on "
                + day(stop.at()) + ": no more load until a coach gives clearance.");
    }

    private Suggestion backOff(Session painful) {
        Load top = painful.topLoad();
        String hurt = "The session on " + painful.date() + " hurt (" + pain(painful.pain().orElseThrow().report())
                + ") at " + text(top);
        Optional<Load> painFreeBelow = heaviest(state.painFreeLoads().stream().filter(top::heavierThan));
        if (painFreeBelow.isPresent()) {
            return suggest(SuggestedAction.BACK_OFF, plate(painFreeBelow.get()), hurt + ": go back to the best"
                    + " pain-free load below it, " + text(painFreeBelow.get()) + ", rounded down to the plate step.");
        }
        Load deloadLoad = deload == null ? null : deload.deload().roundedLoad();
        if (deloadLoad != null && top.heavierThan(deloadLoad)) {
            return suggest(SuggestedAction.BACK_OFF, deloadLoad, hurt + ": go back to the deload's "
                    + text(deloadLoad) + ", as nothing lighter was pain-free yet.");
        }
        return suggest(SuggestedAction.BACK_OFF, null,
                hurt + " and no lighter load is on record as pain-free: ask the coach for a deload.");
    }

    private Suggestion increase(Session previous, Session latest) {
        Load top = heaviest(Stream.of(previous.topLoad(), latest.topLoad())).orElseThrow().in(unit);
        Load step = (deload == null ? top : referenceMax).times(FIVE_PERCENT);
        Load target = new Load(top.value().add(step.value()), unit);
        if (deload != null && target.heavierThan(referenceMax)) {
            target = referenceMax;
        }
        String ofWhat = deload == null ? "of it" : "of the " + text(referenceMax) + " reference max, capped at it";
        return suggest(SuggestedAction.INCREASE, plate(target), "The sessions on " + previous.date() + " and "
                + latest.date() + " were pain-free up to " + text(top) + ": add 5% " + ofWhat
                + ", rounded down to the plate step.");
    }

    private Suggestion hold() {
        if (!sessionsSinceDeload.isEmpty()) {
            Session latest = sessionsSinceDeload.get(sessionsSinceDeload.size() - 1);
            return suggest(SuggestedAction.HOLD, latest.topLoad(), "Hold at the " + text(latest.topLoad())
                    + " of the session on " + latest.date() + " until two sessions in a row are pain-free.");
        }
        if (deload != null) {
            Load rounded = deload.deload().roundedLoad();
            return suggest(SuggestedAction.HOLD, rounded, "No session since the deload on " + day(deload.at())
                    + ": hold at its " + text(rounded) + ".");
        }
        return suggest(SuggestedAction.HOLD, null, "No " + exerciseName() + " session is logged yet.");
    }

    private Suggestion suggest(SuggestedAction action, Load load, String reason) {
        SuggestedLoad suggested = load == null ? null : new SuggestedLoad(amount(load), Slugs.of(unit));
        return new Suggestion(Slugs.of(action), suggested, reason);
    }

    private List<TrendPoint> e1rmTrend() {
        return sessions.stream()
                .map(s -> new TrendPoint(s.date(), amount(s.topLoad()),
                        s.bestOneRepMax() == null ? null : amount(s.bestOneRepMax())))
                .toList();
    }

    /** More than two sessions in the 7 days ending at the latest one: the article says once or twice a week. */
    private List<Warning> warnings() {
        Optional<Session> latest = latestSession();
        if (latest.isEmpty()) {
            return List.of();
        }
        LocalDate to = latest.get().date();
        LocalDate from = to.minusDays(6);
        long count = sessions.stream().filter(s -> !s.date().isBefore(from)).count();
        if (count <= ProgressFold.SESSIONS_PER_WEEK) {
            return List.of();
        }
        return List.of(new Warning(ProgressFold.FREQUENT_SESSIONS, count + " " + exerciseName() + " sessions from "
                + from + " to " + to + ": the article advises once or twice a week."));
    }

    private ChecklistAdherence checklist() {
        List<List<ChecklistItem>> considered = state.recentChecklists();
        if (considered.isEmpty()) {
            return null;
        }
        Map<ChecklistItem, Integer> skips = new EnumMap<>(ChecklistItem.class);
        for (List<ChecklistItem> checklist : considered) {
            Arrays.stream(ChecklistItem.values())
                    .filter(item -> !checklist.contains(item))
                    .forEach(item -> skips.merge(item, 1, Integer::sum));
        }
        List<SkippedItem> skipped = skips.entrySet().stream()
                .sorted(Map.Entry.<ChecklistItem, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new SkippedItem(Slugs.of(e.getKey()), e.getValue()))
                .toList();
        return new ChecklistAdherence(considered.size(), skipped);
    }

    private Optional<Session> latestSession() {
        return sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.get(sessions.size() - 1));
    }

    private boolean isSinceDeload(Instant at) {
        return deload == null || !at.isBefore(deload.at());
    }

    /** The heaviest load; the first wins a tie, so the answer does not depend on anything but the order. */
    private static Optional<Load> heaviest(Stream<Load> loads) {
        return loads.reduce((best, next) -> next.heavierThan(best) ? next : best);
    }

    /** In the view's unit, rounded down to its plate step. */
    private Load plate(Load load) {
        return load.in(unit).roundedDownToPlate();
    }

    /** For display: in the view's unit, at most two decimals half-up, no trailing zeros. Null stays null. */
    private BigDecimal amount(Load load) {
        if (load == null) {
            return null;
        }
        BigDecimal value = load.in(unit).value().setScale(DISPLAY_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** "182.5 lb" */
    private String text(Load load) {
        return amount(load).toPlainString() + " " + Slugs.of(unit);
    }

    /** "6/10, sharp" */
    private static String pain(PainReport report) {
        return report.score() + ", " + Slugs.of(report.quality());
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    private String exerciseName() {
        return exercise.slug().replace('_', ' ');
    }
}
