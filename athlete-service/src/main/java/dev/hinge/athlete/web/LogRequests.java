package dev.hinge.athlete.web;

import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.platform.problem.RequestFields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Request parts that more than one use case reads (a set's pain and a pain report, notes), and how they become kernel
 * values, field by field.
 */
public final class LogRequests {
    public static final int MAX_NOTES = 2000;

    private LogRequests() {
    }

    public record PainBody(Integer score, String location, String quality) {
    }

    public static PainReport pain(RequestFields fields, String prefix, Integer score, String location, String quality) {
        PainScore painScore = fields.required(prefix + "score", score, PainScore::of);
        PainQuality painQuality = fields.required(prefix + "quality", quality, q -> Slugs.parse(PainQuality.class, q));
        if (painScore == null || painQuality == null) {
            return null;
        }
        String field = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
        return fields.optional(field, painScore, s -> {
            try {
                return PainReport.of(s, location, painQuality);
            } catch (DomainException e) {
                // the report names its own field (location, quality); keep the request's spelling
                throw DomainException.invalid(e.field(), e.getMessage());
            }
        });
    }

    public static List<ChecklistItem> checklist(RequestFields fields, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<ChecklistItem> items = new ArrayList<>();
        Set<ChecklistItem> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            ChecklistItem item = fields.required("checklist[" + i + "]", raw.get(i), s -> Slugs.parse(ChecklistItem.class, s));
            if (item != null && !seen.add(item)) {
                fields.reject("checklist[" + i + "]", "is listed twice");
            } else if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

}
