package dev.hinge.coach.timeline.web;

import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.timeline.TimelineItem;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One printable page on one athlete's exercise, for a physiotherapist who has never seen Hinge: where they stand
 * (status, loads, pain, the coach's advice), then the last weeks as the timeline tells them. Plain HTML with its own
 * print style; every stored text is escaped.
 */
final class ProgressSummary {
    private ProgressSummary() {
    }

    static String html(String athlete, ProgressView view, List<TimelineItem> recent, int left, Instant asOf) {
        String unit = view.unit() == null ? "" : " " + view.unit();
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>%s: %s progress</title>
                <style>
                  body { font: 11pt/1.4 system-ui, sans-serif; max-width: 48em; margin: 1.5em auto; color: #111; }
                  h1 { font-size: 16pt; margin: 0 0 .2em; } h2 { font-size: 12pt; margin: 1.2em 0 .4em; }
                  table { border-collapse: collapse; width: 100%%; } th, td { text-align: left; padding: .15em .5em .15em 0; vertical-align: top; }
                  th { font-weight: 600; width: 14em; } .items td { border-top: 1px solid #ddd; font-size: 10pt; }
                  .status { font-weight: 700; } .note { color: #555; font-size: 9pt; }
                  @page { size: A4; margin: 15mm; } @media print { body { margin: 0; } }
                </style></head><body>
                """.formatted(htmlEscape(athlete), htmlEscape(view.exercise())));
        page.append("<h1>").append(htmlEscape(athlete)).append(": ").append(htmlEscape(name(view.exercise())))
                .append("</h1>\n<p class=\"note\">Progress summary from Hinge as of ").append(asOf)
                .append(" (UTC). Pain is scored 0–10; a set without a pain answer counts as not reported, not as pain-free.</p>\n");
        page.append("<h2>Where things stand</h2>\n<table>\n");
        row(page, "Status", "<span class=\"status\">" + htmlEscape(view.status().replace('_', ' ')) + "</span>");
        row(page, "Reference max", load(view.referenceMax(), unit));
        row(page, "Deload", view.deload() == null ? "none" : htmlEscape(number(view.deload().percent()) + "% since "
                + day(view.deload().since()) + ": " + number(view.deload().roundedLoad()) + unit + " (exact "
                + number(view.deload().exactLoad()) + unit + ")"));
        row(page, "Best pain-free load", view.bestPainFreeLoad() == null ? "none reported"
                : htmlEscape(number(view.bestPainFreeLoad()) + unit
                + (view.bestPainFreePercent() == null ? "" : ", " + number(view.bestPainFreePercent()) + "% of the reference max")));
        row(page, "Pain-free sessions in a row", String.valueOf(view.painFreeStreak()));
        row(page, "Latest session's pain", view.latestPain() == null ? "not reported"
                : htmlEscape(view.latestPain().score() + "/10 " + view.latestPain().quality() + " on " + day(view.latestPain().at())));
        row(page, "Weeks since the deload", view.weeksSinceDeload() == null ? "–" : number(view.weeksSinceDeload()));
        row(page, "Active cues", view.activeCues().isEmpty() ? "none"
                : htmlEscape(String.join("; ", view.activeCues())));
        String advice = view.suggestion().action().replace('_', ' ')
                + (view.suggestion().load() == null ? "" : " at " + number(view.suggestion().load().value()) + " "
                + view.suggestion().load().unit());
        row(page, "Next session", htmlEscape(advice) + "<br><span class=\"note\">" + htmlEscape(view.suggestion().reason()) + "</span>");
        page.append("</table>\n<h2>The last ").append(AthleteExportController.SUMMARY_PERIOD.toDays() / 7)
                .append(" weeks</h2>\n");
        if (recent.isEmpty()) {
            page.append("<p>Nothing recorded for this exercise in that time.</p>\n");
        } else {
            page.append("<table class=\"items\">\n");
            for (TimelineItem item : recent) {
                page.append("<tr><td>").append(day(item.at())).append("</td><td>").append(htmlEscape(item.summary()))
                        .append("</td></tr>\n");
            }
            page.append("</table>\n");
            if (left > 0) {
                page.append("<p class=\"note\">").append(left).append(" earlier entries of this period are not shown.</p>\n");
            }
        }
        return page.append("</body></html>\n").toString();
    }

    /** Only what HTML needs escaped ({@code < > & " '}); the page is UTF-8. */
    private static String htmlEscape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static void row(StringBuilder page, String label, String html) {
        page.append("<tr><th>").append(label).append("</th><td>").append(html).append("</td></tr>\n");
    }

    private static String load(BigDecimal value, String unit) {
        return value == null ? "–" : htmlEscape(number(value) + unit);
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String name(String slug) {
        String words = slug.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
