package dev.hinge.kernel.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One athlete's progress on one exercise, in the shape of the Progress in docs/api.md, plus the e1RM trend, warnings
 * and checklist adherence. Enumerations are slugs; loads are plain numbers in {@link #unit()}, rounded for
 * display to at most two decimals. Fields with nothing to report are null; lists are empty, never null.
 *
 * @param exercise            the exercise slug ({@code deadlift})
 * @param unit                {@code lb} or {@code kg}: the reference max's unit; null when nothing is logged
 * @param referenceMax        the active deload's reference max; without a deload the heaviest load logged
 * @param deload              the active deload (the latest prescribed for the exercise), or null
 * @param bestPainFreeLoad    heaviest load of a set reported pain-free, since the deload (or ever without one)
 * @param bestPainFreePercent {@code bestPainFreeLoad / referenceMax × 100}, one decimal, half-up
 * @param weeksSinceDeload    time elapsed from the deload to "as of", in weeks, one decimal, half-up
 * @param painFreeStreak      consecutive most recent sessions whose pain was reported and was 0
 * @param latestPain          the latest session's pain (its worst reading), or null when it reported none
 * @param activeCues          texts of the cues for this exercise not yet retired, oldest assigned first
 * @param status              a {@link ProgressStatus} slug
 * @param suggestion          what to do next session
 * @param e1rmTrend           one point per session, oldest first
 * @param warnings            advice the numbers raise (see {@link ProgressFold#FREQUENT_SESSIONS})
 * @param checklist           pre-lift checklist adherence, or null when no set carried a checklist
 */
public record ProgressView(String exercise, String unit, BigDecimal referenceMax, DeloadSummary deload,
                           BigDecimal bestPainFreeLoad, BigDecimal bestPainFreePercent, BigDecimal weeksSinceDeload,
                           int painFreeStreak, PainSummary latestPain, List<String> activeCues, String status,
                           Suggestion suggestion, List<TrendPoint> e1rmTrend, List<Warning> warnings,
                           ChecklistAdherence checklist) {
    public ProgressView {
        activeCues = List.copyOf(activeCues);
        e1rmTrend = List.copyOf(e1rmTrend);
        warnings = List.copyOf(warnings);
    }

    /** "Scale to {@code percent}%": the prescribed loads, exact and rounded down to the plate step. */
    public record DeloadSummary(BigDecimal percent, BigDecimal exactLoad, BigDecimal roundedLoad, Instant since) {
    }

    /** A pain reading: score 0–10, quality slug, when it was felt. */
    public record PainSummary(int score, String quality, Instant at) {
    }

    /**
     * @param action a {@link SuggestedAction} slug
     * @param load   the load for the next session, or null (stop, or nothing to base a load on)
     * @param reason one sentence naming the sessions it rests on, dates as yyyy-MM-dd
     */
    public record Suggestion(String action, SuggestedLoad load, String reason) {
    }

    /** {"value": 310, "unit": "lb"} */
    public record SuggestedLoad(BigDecimal value, String unit) {
    }

    /**
     * @param topLoad             the session's heaviest load
     * @param estimatedOneRepMax  the best Epley estimate of the session's sets; null when every set had over 10 reps
     */
    public record TrendPoint(LocalDate date, BigDecimal topLoad, BigDecimal estimatedOneRepMax) {
    }

    public record Warning(String code, String message) {
    }

    /**
     * @param setsConsidered the last sets (at most {@link ProgressFold#CHECKLIST_WINDOW}) that carried a checklist
     * @param skipped        items left out at least once, most skipped first (ties in checklist order)
     */
    public record ChecklistAdherence(int setsConsidered, List<SkippedItem> skipped) {
        public ChecklistAdherence {
            skipped = List.copyOf(skipped);
        }
    }

    public record SkippedItem(String item, int count) {
    }
}
