package dev.hinge.readside.export;

import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.kernel.timeline.TimelineItemType;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An athlete's sets as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break
 * quoted, quotes doubled), one row per set in timeline order, each load in the unit it was logged in. A set logged
 * without a pain answer has empty pain cells ("not reported"), never 0. Text a person typed (notes, pain location)
 * that starts with {@code = + - @}, a tab or a carriage return gets a leading {@code '}, so a spreadsheet shows it
 * rather than running it as a formula.
 */
public final class SetsCsv {
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    public static final List<String> COLUMNS = List.of("id", "performedAt", "exercise", "loadValue", "loadUnit", "reps",
            "rpe", "painScore", "painQuality", "painLocation", "checklist", "notes");
    private static final String SET_LOGGED = Slugs.of(TimelineItemType.SET_LOGGED);

    private SetsCsv() {
    }

    /** The header, then one line per set among {@code items}. */
    public static Flux<String> lines(Flux<TimelineItem> items) {
        return Flux.concat(Flux.just(line(COLUMNS)),
                items.filter(item -> SET_LOGGED.equals(item.type())).map(item -> line(row(item.data()))));
    }

    @SuppressWarnings("unchecked")
    static List<String> row(Map<String, Object> set) {
        Map<String, Object> load = (Map<String, Object>) set.get("load");
        Map<String, Object> pain = (Map<String, Object>) set.get("pain");
        Collection<Object> checklist = (Collection<Object>) set.get("checklist");
        return List.of(text(set.get("id")), text(set.get("performedAt")), text(set.get("exercise")),
                number(load.get("value")), text(load.get("unit")), number(set.get("reps")), number(set.get("rpe")),
                pain == null ? "" : number(pain.get("score")), pain == null ? "" : text(pain.get("quality")),
                pain == null ? "" : typed(pain.get("location")),
                checklist == null ? "" : checklist.stream().map(String::valueOf).collect(Collectors.joining(";")),
                typed(set.get("notes")));
    }

    static String line(List<String> fields) {
        return fields.stream().map(SetsCsv::quoted).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\r") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String typed(Object value) {
        String text = text(value);
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String number(Object value) {
        return value == null ? "" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
}
