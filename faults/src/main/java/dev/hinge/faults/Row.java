package dev.hinge.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One scenario's line of the table. A scenario passes when nothing acknowledged was lost or doubled and every
 * extra check it makes held ({@code problems} empty); one that could not run at all has no counts.
 */
record Row(String scenario, Tally.Counts counts, List<String> problems, List<String> notes, Duration took) {

    boolean passed() {
        return counts != null && counts.lost() == 0 && counts.doubled() == 0 && problems.isEmpty();
    }

    static Row crashed(String scenario, Throwable error, Duration took) {
        return new Row(scenario, null, List.of("could not run: " + error), List.of(), took);
    }

    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | acknowledged | stored | projected (athlete / coach) | lost | doubled | result | took | notes |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|---:|---|\n");
        for (Row row : rows) {
            Tally.Counts c = row.counts();
            List<String> text = new ArrayList<>(row.problems());
            text.addAll(row.notes());
            out.append("| ").append(row.scenario())
                    .append(" | ").append(c == null ? "-" : Integer.toString(c.acknowledged()))
                    .append(" | ").append(c == null ? "-" : Integer.toString(c.stored()))
                    .append(" | ").append(c == null ? "-" : c.athleteProjected() + " / " + c.coachProjected())
                    .append(" | ").append(c == null ? "-" : Integer.toString(c.lost()))
                    .append(" | ").append(c == null ? "-" : Integer.toString(c.doubled()))
                    .append(" | ").append(row.passed() ? "pass" : "**FAIL**")
                    .append(" | ").append(String.format(Locale.ROOT, "%d s", row.took().toSeconds()))
                    .append(" | ").append(String.join("; ", text).replace("|", "/").replace("\n", " "))
                    .append(" |\n");
        }
        return out.toString();
    }
}
