package dev.hinge.coach.web;

import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.common.Slugs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the coach's pages word what the read models hold: a status or an action in words (a badge is never colour
 * alone), times in UTC, loads with their unit. Plain text: the templates escape it like every other text.
 */
public final class Display {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> STATUSES = Map.of(
            "red_flag", "Red flag: stop",
            "pain_reported", "Pain reported",
            "deloaded", "Deloaded",
            "progressing", "Progressing",
            "recovered", "Recovered");
    private static final Map<String, String> ACTIONS = Map.of(
            "stop", "Stop: no load until cleared",
            "back_off", "Back off",
            "increase", "Increase",
            "hold", "Hold");

    /** A choice of a select box. */
    public record Option(String value, String label) {
    }

    /** The form faults a cue may answer, for the cue form's select box. */
    public static final List<Option> FAULTS = Arrays.stream(FormFault.values())
            .map(f -> new Option(Slugs.of(f), words(Slugs.of(f)))).toList();

    private Display() {
    }

    /** "Red flag: stop" for {@code red_flag}; "No sets yet" for none. */
    public static String status(String status) {
        return status == null ? "No sets yet" : STATUSES.getOrDefault(status, words(status));
    }

    /** The CSS class of a status badge ({@code status-red_flag}); the badge's text says the same. */
    public static String statusClass(String status) {
        return "status-" + (status == null ? "none" : status);
    }

    public static String action(String action) {
        return action == null ? "" : ACTIONS.getOrDefault(action, words(action));
    }

    /** "2 Dec 2026, 18:00 UTC"; "never" for none. */
    public static String when(Instant at) {
        return at == null ? "never" : WHEN.format(at);
    }

    public static String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    /** "182.5 lb"; empty for none. */
    public static String load(BigDecimal value, String unit) {
        return value == null ? "" : number(value) + (unit == null ? "" : " " + unit);
    }

    /** 182.5, 180 (not 180.000 or 1.8E+2). */
    public static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** "Back squat" for {@code back_squat}. */
    public static String words(String slug) {
        if (slug == null || slug.isEmpty()) {
            return "";
        }
        String words = slug.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
