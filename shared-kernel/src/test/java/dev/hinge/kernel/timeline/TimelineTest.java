package dev.hinge.kernel.timeline;

import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.Reps;
import dev.hinge.kernel.training.Rpe;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.kernel.training.VideoUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static dev.hinge.kernel.training.WeightUnit.LB;
import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {
    private static final AthleteId MARK = AthleteId.of(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final CoachId COACH = CoachId.of(UUID.fromString("00000000-0000-0000-0000-00000000000c"));
    private static final SetId SET = SetId.of(UUID.fromString("00000000-0000-0000-0000-000000000051"));
    private static final Instant MONDAY = Instant.parse("2026-11-02T18:00:00Z");

    private static SetLoggedEvent halfMaxSet(Rpe rpe, PainReport pain, List<ChecklistItem> checklist, String notes) {
        return new SetLoggedEvent(MARK, SET, Exercise.DEADLIFT, Load.of("182.5", LB), new Reps(5), rpe, MONDAY, pain,
                checklist, notes);
    }

    private static TimelineEntry describe(Object event) {
        return Timeline.describe(event).orElseThrow();
    }

    @Nested
    class SetLogged {
        @Test
        void summarisesAPainFreeSetAsOneSentence() {
            TimelineEntry entry = describe(halfMaxSet(null, PainReport.NONE, List.of(), null));

            assertThat(entry.summary()).isEqualTo("Deadlift 182.5 lb × 5, pain 0/10");
        }

        @Test
        void namesRpeAndPainQualityAndLocationWhenReported() {
            PainReport sharp = new PainReport(new PainScore(6), "lower back", PainQuality.SHARP);

            TimelineEntry entry = describe(halfMaxSet(new Rpe(new BigDecimal("8.5")), sharp, List.of(), null));

            assertThat(entry.summary()).isEqualTo("Deadlift 182.5 lb × 5 @ RPE 8.5, pain 6/10 sharp (lower back)");
        }

        @Test
        void leavesPainOutOfTheSummaryWhenNoneWasReported() {
            assertThat(describe(halfMaxSet(null, null, List.of(), null)).summary()).isEqualTo("Deadlift 182.5 lb × 5");
        }

        @Test
        void carriesTheSetInTheShapeOfItsPostBodyPlusItsId() {
            TimelineEntry entry = describe(halfMaxSet(null, PainReport.NONE,
                    List.of(ChecklistItem.FEET_POSITION, ChecklistItem.BAR_CLOSE), "felt light"));

            Map<String, Object> data = entry.data();
            assertThat(data.keySet()).containsExactly("id", "exercise", "load", "reps", "rpe", "performedAt", "pain",
                    "checklist", "notes");
            assertThat(data.get("id")).isEqualTo(SET.value());
            assertThat(data.get("exercise")).isEqualTo("deadlift");
            assertThat(data.get("load")).isEqualTo(Map.of("value", new BigDecimal("182.5"), "unit", "lb"));
            assertThat(data.get("reps")).isEqualTo(5);
            assertThat(data.get("rpe")).isNull();
            assertThat(data.get("performedAt")).isEqualTo(MONDAY);
            assertThat(data.get("checklist")).isEqualTo(List.of("feet_position", "bar_close"));
            assertThat(data.get("notes")).isEqualTo("felt light");
        }

        @Test
        void writesThePainAsScoreLocationAndQuality() {
            TimelineEntry entry = describe(halfMaxSet(null, PainReport.NONE, List.of(), null));

            @SuppressWarnings("unchecked")
            Map<String, Object> pain = (Map<String, Object>) entry.data().get("pain");
            assertThat(pain.keySet()).containsExactly("score", "location", "quality");
            assertThat(pain.get("score")).isEqualTo(0);
            assertThat(pain.get("location")).isNull();
            assertThat(pain.get("quality")).isEqualTo("none");
        }

        @Test
        void isTheAthletesOwnItemAtTheTimeTheSetWasPerformed() {
            TimelineEntry entry = describe(halfMaxSet(null, PainReport.NONE, List.of(), null));

            assertThat(entry.athleteId()).isEqualTo(MARK);
            assertThat(entry.exercise()).isEqualTo(Exercise.DEADLIFT);
            assertThat(entry.at()).isEqualTo(MONDAY);
            assertThat(entry.type()).isEqualTo(TimelineItemType.SET_LOGGED);
            assertThat(entry.actor()).isEqualTo(Actor.athlete(MARK.value()));
        }
    }

    @Nested
    class DeloadPrescribed {
        private final DeloadId deloadId = DeloadId.of(UUID.fromString("00000000-0000-0000-0000-0000000000d1"));
        private final DeloadPrescribedEvent halfOfMarksMax = new DeloadPrescribedEvent(MARK, COACH, deloadId,
                Exercise.DEADLIFT, Deload.of(Percent.of("50"), Load.of("365", LB)), MONDAY);

        @Test
        void summarisesThePercentReferenceAndBothLoads() {
            assertThat(describe(halfOfMarksMax).summary())
                    .isEqualTo("Deadlift scaled to 50% of 365 lb: 180 lb (182.5 exact)");
        }

        @Test
        void carriesTheDeloadAnswer() {
            Map<String, Object> data = describe(halfOfMarksMax).data();

            assertThat(data.keySet()).containsExactly("id", "exercise", "percent", "referenceMax", "exactLoad",
                    "roundedLoad");
            assertThat(data.get("id")).isEqualTo(deloadId.value());
            assertThat(data.get("exercise")).isEqualTo("deadlift");
            assertThat(data.get("percent")).isEqualTo(new BigDecimal("50"));
            assertThat(data.get("referenceMax")).isEqualTo(Map.of("value", new BigDecimal("365"), "unit", "lb"));
            assertThat(data.get("exactLoad")).isEqualTo(new BigDecimal("182.5"));
            assertThat(data.get("roundedLoad")).isEqualTo(new BigDecimal("180"));
        }

        @Test
        void isTheCoachsItem() {
            TimelineEntry entry = describe(halfOfMarksMax);

            assertThat(entry.type()).isEqualTo(TimelineItemType.DELOAD_PRESCRIBED);
            assertThat(entry.actor()).isEqualTo(Actor.coach(COACH.value()));
            assertThat(entry.exercise()).isEqualTo(Exercise.DEADLIFT);
        }
    }

    @Test
    void aRedFlagTellsTheAthleteToStopAndSeeAPhysicalTherapist() {
        UUID source = SET.value();
        PainReport radiating = new PainReport(new PainScore(5), "left leg", PainQuality.RADIATING);
        RedFlagRaisedEvent event = new RedFlagRaisedEvent(MARK, RedFlagRaisedEvent.idFor(source), source,
                Exercise.DEADLIFT, radiating, MONDAY);

        TimelineEntry entry = describe(event);

        assertThat(entry.type()).isEqualTo(TimelineItemType.RED_FLAG_RAISED);
        assertThat(entry.summary())
                .isEqualTo("Red flag: radiating (left leg). Stop deadlift and see a physical therapist before resuming");
    }

    @Test
    void aCueNamesItsExerciseAndText() {
        CueAssignedEvent event = new CueAssignedEvent(MARK, COACH, CueId.of(UUID.randomUUID()), "chest up",
                Exercise.DEADLIFT, FormFault.HIPS_RISE_TOO_FAST, null, java.math.BigDecimal.valueOf(3), MONDAY);

        TimelineEntry entry = describe(event);

        assertThat(entry.summary()).isEqualTo("Cue for deadlift: \"chest up\"");
        assertThat(entry.data().get("fault")).isEqualTo("hips_rise_too_fast");
    }

    @Test
    void eventsThatAreNotOnATimelineHaveNoEntry() {
        assertThat(Timeline.describe("not an event")).isEmpty();
        assertThat(Timeline.describe(null)).isEmpty();
    }

    @Test
    void anItemTakesTheEventsIdAndTheTypesSlug() {
        UUID eventId = UUID.randomUUID();

        TimelineItem item = describe(halfMaxSet(null, PainReport.NONE, List.of(), null)).toItem(eventId);

        assertThat(item.id()).isEqualTo(eventId);
        assertThat(item.type()).isEqualTo("set_logged");
        assertThat(item.at()).isEqualTo(MONDAY);
        assertThat(item.summary()).isEqualTo("Deadlift 182.5 lb × 5, pain 0/10");
    }

    @Nested
    class UnderATurkishDefaultLocale {
        private final Locale original = Locale.getDefault();

        @AfterEach
        void restoreTheDefaultLocale() {
            Locale.setDefault(original);
        }

        @Test
        void typeSlugsStayAscii() {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            VideoAttachedEvent event = new VideoAttachedEvent(MARK, VideoId.of(UUID.randomUUID()), SET,
                    Exercise.DEADLIFT, new VideoUrl("https://youtu.be/abc"), null, MONDAY);

            TimelineItem item = describe(event).toItem(UUID.randomUUID());

            assertThat(item.type()).isEqualTo("video_attached");
        }

        @Test
        void exerciseNamesInSummariesStayAscii() {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            CueAssignedEvent event = new CueAssignedEvent(MARK, COACH, CueId.of(UUID.randomUUID()), "elbows in",
                    new Exercise("incline_press"), null, null, null, MONDAY);

            assertThat(describe(event).summary()).isEqualTo("Cue for incline press: \"elbows in\"");
        }
    }
}
