package dev.hinge.kernel.timeline;

import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.access.CoachAccessRevokedEvent;
import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.FaultObservation;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.VideoAttachedEvent;

import java.util.LinkedHashMap;
import java.util.Locale;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns an event into its timeline entry: the one place that writes the summaries and the {@code data}
 * shapes, so both services' timelines are the same. {@code data} is the thing in the shape of its POST body
 * plus its id.
 */
public final class Timeline {
    private Timeline() {
    }

    /** The entry for {@code event}, or empty for events that are not on a timeline. */
    public static Optional<TimelineEntry> describe(Object event) {
        if (event instanceof SetLoggedEvent e) {
            return Optional.of(setLogged(e));
        } else if (event instanceof VideoAttachedEvent e) {
            return Optional.of(videoAttached(e));
        } else if (event instanceof PainReportedEvent e) {
            return Optional.of(painReported(e));
        } else if (event instanceof RedFlagRaisedEvent e) {
            return Optional.of(redFlagRaised(e));
        } else if (event instanceof CoachAccessGrantedEvent e) {
            return Optional.of(new TimelineEntry(e.athleteId(), null, e.at(), TimelineItemType.COACH_ACCESS_GRANTED,
                    Actor.athlete(e.athleteId().value()), "Coach access granted",
                    data("coachId", e.coachId().value())));
        } else if (event instanceof CoachAccessRevokedEvent e) {
            return Optional.of(new TimelineEntry(e.athleteId(), null, e.at(), TimelineItemType.COACH_ACCESS_REVOKED,
                    Actor.athlete(e.athleteId().value()), "Coach access revoked",
                    data("coachId", e.coachId().value())));
        } else if (event instanceof VideoReviewedEvent e) {
            return Optional.of(videoReviewed(e));
        } else if (event instanceof CueAssignedEvent e) {
            return Optional.of(cueAssigned(e));
        } else if (event instanceof CueRetiredEvent e) {
            return Optional.of(new TimelineEntry(e.athleteId(), null, e.at(), TimelineItemType.CUE_RETIRED,
                    Actor.coach(e.coachId().value()), "Cue retired", data("id", e.cueId().value())));
        } else if (event instanceof DeloadPrescribedEvent e) {
            return Optional.of(deloadPrescribed(e));
        } else if (event instanceof ClearanceGivenEvent e) {
            Map<String, Object> data = data("id", e.clearanceId().value());
            data.put("exercise", e.exercise().slug());
            data.put("notes", e.notes());
            return Optional.of(new TimelineEntry(e.athleteId(), e.exercise(), e.at(), TimelineItemType.CLEARANCE_GIVEN,
                    Actor.coach(e.coachId().value()),
                    "Cleared to resume " + lower(e.exercise()) + " after evaluation", data));
        }
        return Optional.empty();
    }

    /** "Deadlift 182.5 lb × 5, pain 0/10" */
    public static String setSummary(SetLoggedEvent e) {
        String summary = e.exercise().displayName() + " " + e.load() + " × " + e.reps().value();
        if (e.rpe() != null) {
            summary += " @ RPE " + e.rpe();
        }
        if (e.pain() != null) {
            summary += ", pain " + painPhrase(e.pain());
        }
        return summary;
    }

    private static TimelineEntry setLogged(SetLoggedEvent e) {
        Map<String, Object> data = data("id", e.setId().value());
        data.put("exercise", e.exercise().slug());
        data.put("load", load(e.load()));
        data.put("reps", e.reps().value());
        data.put("rpe", e.rpe() == null ? null : e.rpe().value());
        data.put("performedAt", e.performedAt());
        data.put("pain", e.pain() == null ? null : pain(e.pain()));
        data.put("checklist", e.checklist().stream().map(Slugs::of).toList());
        data.put("notes", e.notes());
        return new TimelineEntry(e.athleteId(), e.exercise(), e.performedAt(), TimelineItemType.SET_LOGGED,
                Actor.athlete(e.athleteId().value()), setSummary(e), data);
    }

    private static TimelineEntry videoAttached(VideoAttachedEvent e) {
        Map<String, Object> data = data("id", e.videoId().value());
        data.put("setId", e.setId().value());
        data.put("url", e.url().value());
        data.put("note", e.note());
        return new TimelineEntry(e.athleteId(), e.exercise(), e.at(), TimelineItemType.VIDEO_ATTACHED,
                Actor.athlete(e.athleteId().value()), e.exercise().displayName() + " video attached for review", data);
    }

    private static TimelineEntry painReported(PainReportedEvent e) {
        Map<String, Object> data = data("id", e.painReportId().value());
        data.putAll(pain(e.report()));
        data.put("exercise", e.exercise() == null ? null : e.exercise().slug());
        data.put("at", e.at());
        data.put("notes", e.notes());
        String summary = "Pain " + painPhrase(e.report())
                + (e.exercise() == null ? "" : " after " + lower(e.exercise()));
        return new TimelineEntry(e.athleteId(), e.exercise(), e.at(), TimelineItemType.PAIN_REPORTED,
                Actor.athlete(e.athleteId().value()), summary, data);
    }

    private static TimelineEntry redFlagRaised(RedFlagRaisedEvent e) {
        Map<String, Object> data = data("id", e.redFlagId());
        data.put("sourceId", e.sourceId());
        data.put("exercise", e.exercise() == null ? null : e.exercise().slug());
        data.putAll(pain(e.report()));
        data.put("at", e.at());
        String what = e.exercise() == null ? "training" : lower(e.exercise());
        String summary = "Red flag: " + Slugs.of(e.report().quality())
                + (e.report().location() == null ? "" : " (" + e.report().location() + ")")
                + ". Stop " + what + " and see a physical therapist before resuming";
        return new TimelineEntry(e.athleteId(), e.exercise(), e.at(), TimelineItemType.RED_FLAG_RAISED,
                Actor.athlete(e.athleteId().value()), summary, data);
    }

    private static TimelineEntry videoReviewed(VideoReviewedEvent e) {
        Map<String, Object> data = data("id", e.reviewId().value());
        data.put("videoId", e.videoId().value());
        data.put("faults", e.faults().stream().map(Timeline::fault).toList());
        data.put("barOffsetInches", e.barOffsetInches());
        data.put("notes", e.notes());
        data.put("suggestedCues", e.suggestedCues());
        String faults = e.faults().isEmpty() ? "no faults seen"
                : e.faults().stream().map(f -> Slugs.of(f.fault()).replace('_', ' ')).collect(Collectors.joining(", "));
        String summary = "Video reviewed: " + faults + (e.barOffsetInches() == null ? ""
                : "; bar " + e.barOffsetInches().stripTrailingZeros().toPlainString() + " in from mid-foot");
        return new TimelineEntry(e.athleteId(), null, e.at(), TimelineItemType.VIDEO_REVIEWED,
                Actor.coach(e.coachId().value()), summary, data);
    }

    private static TimelineEntry cueAssigned(CueAssignedEvent e) {
        Map<String, Object> data = data("id", e.cueId().value());
        data.put("text", e.text());
        data.put("exercise", e.exercise().slug());
        data.put("fault", e.fault() == null ? null : Slugs.of(e.fault()));
        data.put("videoId", e.videoId() == null ? null : e.videoId().value());
        data.put("atSecond", e.atSecond());
        return new TimelineEntry(e.athleteId(), e.exercise(), e.at(), TimelineItemType.CUE_ASSIGNED,
                Actor.coach(e.coachId().value()), "Cue for " + lower(e.exercise()) + ": \"" + e.text() + "\"", data);
    }

    private static TimelineEntry deloadPrescribed(DeloadPrescribedEvent e) {
        Deload d = e.deload();
        Map<String, Object> data = data("id", e.deloadId().value());
        data.put("exercise", e.exercise().slug());
        data.put("percent", d.percent().value());
        data.put("referenceMax", load(d.referenceMax()));
        data.put("exactLoad", d.exactLoad().value());
        data.put("roundedLoad", d.roundedLoad().value());
        String summary = e.exercise().displayName() + " scaled to " + d.percent() + " of " + d.referenceMax()
                + ": " + d.roundedLoad() + " (" + d.exactLoad().value().toPlainString() + " exact)";
        return new TimelineEntry(e.athleteId(), e.exercise(), e.at(), TimelineItemType.DELOAD_PRESCRIBED,
                Actor.coach(e.coachId().value()), summary, data);
    }

    /** {"value": 365, "unit": "lb"} */
    public static Map<String, Object> load(Load load) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("value", load.value());
        map.put("unit", Slugs.of(load.unit()));
        return map;
    }

    /** {"score": 6, "location": "lower back", "quality": "sharp"} */
    public static Map<String, Object> pain(PainReport pain) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("score", pain.score().value());
        map.put("location", pain.location());
        map.put("quality", Slugs.of(pain.quality()));
        return map;
    }

    private static Map<String, Object> fault(FaultObservation f) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("fault", Slugs.of(f.fault()));
        map.put("atSecond", f.atSecond());
        map.put("note", f.note());
        return map;
    }

    private static String painPhrase(PainReport pain) {
        String phrase = pain.score().toString();
        if (pain.quality() != dev.hinge.kernel.pain.PainQuality.NONE) {
            phrase += " " + Slugs.of(pain.quality());
        }
        if (pain.location() != null) {
            phrase += " (" + pain.location() + ")";
        }
        return phrase;
    }

    private static String lower(Exercise exercise) {
        return exercise.displayName().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> data(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

}
