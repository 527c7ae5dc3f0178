package dev.hinge.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.access.CoachAccessRevokedEvent;
import dev.hinge.kernel.access.AccessOfferId;
import dev.hinge.kernel.access.CoachAccessOfferAcceptedEvent;
import dev.hinge.kernel.access.CoachAccessOfferedEvent;
import dev.hinge.kernel.access.CoachInviteCodeIssuedEvent;
import dev.hinge.kernel.access.InviteCode;
import dev.hinge.kernel.account.AthleteRegisteredEvent;
import dev.hinge.kernel.account.CoachRegisteredEvent;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.ClearanceId;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.FaultObservation;
import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.coaching.RelationshipClosedEvent;
import dev.hinge.kernel.coaching.RelationshipId;
import dev.hinge.kernel.coaching.RelationshipOpenedEvent;
import dev.hinge.kernel.coaching.ReviewId;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainReportId;
import dev.hinge.kernel.pain.PainReportedEvent;
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
import dev.hinge.kernel.training.VideoSource;
import dev.hinge.kernel.training.VideoUrl;
import dev.hinge.kernel.training.WeightUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the stored shape of every event: each is written with the events' own mapper and compared with the JSON
 * committed under {@code src/test/resources/events}, and that JSON reads back as the same event. A shape that changes
 * fails here: give the event a new {@code @Revision}, an upcaster, and a new file for the new shape.
 */
class StoredEventShapesTest {
    private static final ObjectMapper MAPPER = SerializerConfiguration.eventMapper();
    private static final AthleteId ATHLETE = new AthleteId(UUID.fromString("a0000000-0000-4000-8000-000000000001"));
    private static final CoachId COACH = new CoachId(UUID.fromString("c0000000-0000-4000-8000-000000000002"));
    private static final SetId SET = new SetId(UUID.fromString("5e700000-0000-4000-8000-000000000003"));
    private static final VideoId VIDEO = new VideoId(UUID.fromString("71de0000-0000-4000-8000-000000000004"));
    private static final AccessOfferId OFFER = new AccessOfferId(UUID.fromString("0ffe0000-0000-4000-8000-00000000000b"));
    private static final Instant AT = Instant.parse("2026-10-01T18:00:00Z");
    private static final PainReport SHARP = new PainReport(new PainScore(6), "lower back", PainQuality.SHARP);

    static List<Object> events() {
        return List.of(
                new AthleteRegisteredEvent(ATHLETE, new DisplayName("Mark"), AT),
                new CoachRegisteredEvent(COACH, new DisplayName("Coach Kim"), AT),
                new CoachAccessGrantedEvent(ATHLETE, COACH, AT),
                new CoachAccessRevokedEvent(ATHLETE, COACH, AT),
                new CoachInviteCodeIssuedEvent(COACH, new InviteCode("K7QM4XTBZR"), AT),
                new CoachAccessOfferedEvent(ATHLETE, OFFER, "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", AT),
                new CoachAccessOfferAcceptedEvent(COACH, ATHLETE, OFFER, AT),
                new SetLoggedEvent(ATHLETE, SET, Exercise.DEADLIFT, Load.of("365", WeightUnit.LB), new Reps(5),
                        new Rpe(new BigDecimal("8.5")), AT, SHARP, List.of(ChecklistItem.values()[0]), "back hurt after"),
                new VideoAttachedEvent(ATHLETE, VIDEO, SET, Exercise.DEADLIFT, VideoSource.LINK,
                        new VideoUrl("https://videos.example.com/mark/1"), "first pull", AT),
                new PainReportedEvent(ATHLETE, new PainReportId(UUID.fromString("9a100000-0000-4000-8000-000000000005")),
                        SHARP, Exercise.DEADLIFT, AT, "the morning after"),
                new RedFlagRaisedEvent(ATHLETE, RedFlagRaisedEvent.idFor(SET.value()), SET.value(), Exercise.DEADLIFT,
                        new PainReport(new PainScore(5), "left leg", PainQuality.RADIATING), AT),
                new RelationshipOpenedEvent(relationship(), COACH, ATHLETE, AT),
                new RelationshipClosedEvent(relationship(), COACH, ATHLETE, AT),
                new VideoReviewedEvent(ATHLETE, COACH, new ReviewId(UUID.fromString("4e000000-0000-4000-8000-000000000006")),
                        VIDEO, List.of(new FaultObservation(FormFault.HIPS_RISE_TOO_FAST, new BigDecimal("1.532"), "shoulders drop"),
                        new FaultObservation(FormFault.BAR_DRIFTS_FORWARD, null, null)), new BigDecimal("3"), "hips first",
                        List.of("chest up", "push the floor away"), AT),
                new CueAssignedEvent(ATHLETE, COACH, new CueId(UUID.fromString("c0e00000-0000-4000-8000-000000000007")),
                        "chest up", Exercise.DEADLIFT, FormFault.HIPS_RISE_TOO_FAST, VIDEO, new BigDecimal("1.532"), AT),
                new CueRetiredEvent(ATHLETE, COACH, new CueId(UUID.fromString("c0e00000-0000-4000-8000-000000000007")), AT),
                new DeloadPrescribedEvent(ATHLETE, COACH, new DeloadId(UUID.fromString("de100000-0000-4000-8000-000000000008")),
                        Exercise.DEADLIFT, Deload.of(new Percent(new BigDecimal("50")), Load.of("365", WeightUnit.LB)), AT),
                new ClearanceGivenEvent(ATHLETE, COACH, new ClearanceId(UUID.fromString("c1e00000-0000-4000-8000-000000000009")),
                        Exercise.DEADLIFT, "evaluated by a physical therapist", AT));
    }

    private static RelationshipId relationship() {
        return new RelationshipId(UUID.fromString("2e100000-0000-4000-8000-00000000000a"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void anEventIsStoredInItsPinnedShape(Object event) throws IOException {
        // as stored: the bytes written, read back as a tree (numbers compare as the text holds them)
        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsBytes(event));

        JsonNode pinned = pinned(event.getClass().getSimpleName());

        assertThat(written).as("the stored shape of %s (see target/golden-actual)", event.getClass().getSimpleName())
                .isEqualTo(pinned);
    }

    @ParameterizedTest
    @MethodSource("events")
    void thePinnedShapeReadsBackAsTheEvent(Object event) throws IOException {
        JsonNode pinned = pinned(event.getClass().getSimpleName());

        assertThat(MAPPER.treeToValue(pinned, event.getClass())).isEqualTo(event);
    }

    @Test
    void everyEventOfTheKernelHasAPinnedShape() {
        Set<String> events = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.hinge.kernel").stream()
                .filter(c -> c.getSimpleName().endsWith("Event") && c.isRecord())
                .map(JavaClass::getSimpleName).collect(Collectors.toSet());

        assertThat(events).hasSizeGreaterThan(10);
        assertThat(events()).extracting(e -> e.getClass().getSimpleName()).containsAll(events);
    }

    /**
     * Events are facts: a set stored under other rules (150 reps, 1,500.1234 kg, RPE 11, pain 12 with quality none)
     * reads back exactly as stored. Today's limits apply to requests, never to what is recorded.
     */
    @Test
    void aSetStoredOutsideTodaysRulesReadsBackAsStored() throws IOException {
        SetLoggedEvent set = MAPPER.treeToValue(pinned("SetLoggedEvent-outside-todays-rules"), SetLoggedEvent.class);

        assertThat(set.reps().value()).isEqualTo(150);
        assertThat(set.load().value()).isEqualByComparingTo("1500.1234");
        assertThat(set.rpe().value()).isEqualByComparingTo("11");
        assertThat(set.pain().score().value()).isEqualTo(12);
        assertThat(set.pain().quality()).isEqualTo(PainQuality.NONE);
    }

    @Test
    void aReviewStoredOutsideTodaysRulesReadsBackAsStored() throws IOException {
        VideoReviewedEvent review = MAPPER.treeToValue(pinned("VideoReviewedEvent-outside-todays-rules"),
                VideoReviewedEvent.class);

        assertThat(review.faults().get(0).atSecond()).isEqualByComparingTo("99999.12345");
        assertThat(review.barOffsetInches()).isEqualByComparingTo("-40.25");
    }

    private static JsonNode pinned(String name) throws IOException {
        try (InputStream in = StoredEventShapesTest.class.getResourceAsStream("/events/" + name + ".json")) {
            if (in == null) {
                Path actual = Path.of("target/golden-actual");
                Files.createDirectories(actual);
                events().stream().filter(e -> e.getClass().getSimpleName().equals(name)).findFirst().ifPresent(e -> {
                    try {
                        Files.writeString(actual.resolve(name + ".json"),
                                MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(e) + "\n");
                    } catch (IOException failed) {
                        throw new IllegalStateException(failed);
                    }
                });
                throw new AssertionError("No pinned shape src/test/resources/events/" + name + ".json");
            }
            return MAPPER.readTree(in);
        }
    }
}
