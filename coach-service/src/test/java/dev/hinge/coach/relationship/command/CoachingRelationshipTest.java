package dev.hinge.coach.relationship.command;

import dev.hinge.kernel.coaching.AssignCueCommand;
import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.ClearanceId;
import dev.hinge.kernel.coaching.CloseRelationshipCommand;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.FaultObservation;
import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.coaching.GiveClearanceCommand;
import dev.hinge.kernel.coaching.OpenRelationshipCommand;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.coaching.PrescribeDeloadCommand;
import dev.hinge.kernel.coaching.RelationshipClosedEvent;
import dev.hinge.kernel.coaching.RelationshipId;
import dev.hinge.kernel.coaching.RelationshipOpenedEvent;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.coaching.RetireCueCommand;
import dev.hinge.kernel.coaching.ReviewId;
import dev.hinge.kernel.coaching.ReviewVideoCommand;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.ErrorCode;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.kernel.training.WeightUnit;
import dev.hinge.platform.recorded.RecordedIds;
import dev.hinge.platform.test.RecordedInHistory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;


class CoachingRelationshipTest {
    private static final CoachId COACH = new CoachId(UUID.randomUUID());
    private static final AthleteId MARK = new AthleteId(UUID.randomUUID());
    private static final RelationshipId ID = Relationships.idOf(COACH, MARK);
    private static final Instant AT = Instant.parse("2026-10-02T18:00:00Z");
    private static final RelationshipOpenedEvent OPENED = new RelationshipOpenedEvent(ID, COACH, MARK, AT);
    private static final RelationshipClosedEvent CLOSED = new RelationshipClosedEvent(ID, COACH, MARK, AT.plusSeconds(60));

    private AggregateTestFixture<CoachingRelationship> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CoachingRelationship.class);
        // what the coach recorded under an id is found in the history (in the service: the recorded_id table)
        RecordedIds recorded = new RecordedInHistory(fixture.getEventStore());
        fixture.registerInjectableResource(recorded);
        fixture.registerCommandHandlerInterceptor(new CoachingRepeats(recorded));
    }

    @Test
    void anAthletesGrantOpensTheRelationshipOnceAndARevokeClosesIt() {
        fixture.givenNoPriorActivity().when(new OpenRelationshipCommand(ID, COACH, MARK, AT)).expectEvents(OPENED);
        fixture.given(OPENED).when(new OpenRelationshipCommand(ID, COACH, MARK, AT)).expectNoEvents();
        fixture.given(OPENED).when(new CloseRelationshipCommand(ID, COACH, MARK, AT.plusSeconds(60))).expectEvents(CLOSED);
        fixture.given(OPENED, CLOSED).when(new CloseRelationshipCommand(ID, COACH, MARK, AT)).expectNoEvents();
        fixture.given(OPENED, CLOSED).when(new OpenRelationshipCommand(ID, COACH, MARK, AT.plusSeconds(120)))
                .expectEvents(new RelationshipOpenedEvent(ID, COACH, MARK, AT.plusSeconds(120)));
    }

    @Test
    void canScaleToFiftyPercentOfReferenceMax() {
        DeloadId deload = new DeloadId(UUID.randomUUID());
        fixture.given(OPENED)
                .when(new PrescribeDeloadCommand(ID, deload, Exercise.DEADLIFT, Percent.of("50"), Load.lb(365), AT))
                .expectEvents(new DeloadPrescribedEvent(MARK, COACH, deload, Exercise.DEADLIFT,
                        new Deload(Percent.of("50"), Load.lb(365), Load.of("182.5", WeightUnit.LB), Load.lb(180)), AT));
    }

    @Test
    void scalesKilogramLoadsToTheKilogramPlateStep() {
        DeloadId deload = new DeloadId(UUID.randomUUID());
        fixture.given(OPENED)
                .when(new PrescribeDeloadCommand(ID, deload, Exercise.DEADLIFT, Percent.of("60"), Load.kg(140), AT))
                .expectEvents(new DeloadPrescribedEvent(MARK, COACH, deload, Exercise.DEADLIFT,
                        new Deload(Percent.of("60"), Load.kg(140), Load.kg(84), Load.kg(82.5)), AT));
    }

    @Test
    void aReviewSuggestsTheStandardCuesOfTheFaultsSeen() {
        ReviewId review = new ReviewId(UUID.randomUUID());
        VideoId video = new VideoId(UUID.randomUUID());
        List<FaultObservation> faults = List.of(new FaultObservation(FormFault.HIPS_RISE_TOO_FAST, java.math.BigDecimal.valueOf(2), null),
                new FaultObservation(FormFault.BAR_DRIFTS_FORWARD, null, "bar 3 in ahead of mid-foot"));
        fixture.given(OPENED)
                .when(new ReviewVideoCommand(ID, review, video, faults, BigDecimal.valueOf(3), null, AT))
                .expectEvents(new VideoReviewedEvent(MARK, COACH, review, video, faults, BigDecimal.valueOf(3), null,
                        List.of("chest up", "push the floor away", "drag the bar up your legs"), AT));
    }

    @Test
    void aCueIsAssignedThenRetiredAndAnUnknownCueIsNotFound() {
        CueId cue = new CueId(UUID.randomUUID());
        CueAssignedEvent assigned = new CueAssignedEvent(MARK, COACH, cue, "chest up", Exercise.DEADLIFT,
                FormFault.ROUNDED_LOWER_BACK, null, null, AT);
        fixture.given(OPENED)
                .when(new AssignCueCommand(ID, cue, "chest up", Exercise.DEADLIFT, FormFault.ROUNDED_LOWER_BACK, null, null, AT))
                .expectEvents(assigned);
        fixture.given(OPENED, assigned).when(new RetireCueCommand(ID, cue, AT))
                .expectEvents(new CueRetiredEvent(MARK, COACH, cue, AT));
        fixture.given(OPENED).when(new RetireCueCommand(ID, new CueId(UUID.randomUUID()), AT))
                .expectNoEvents().expectException(DomainException.class);
    }

    @Test
    void retiringARetiredCueChangesNothing() {
        CueId cue = new CueId(UUID.randomUUID());
        fixture.given(OPENED, new CueAssignedEvent(MARK, COACH, cue, "chest up", Exercise.DEADLIFT, null, null, null, AT),
                        new CueRetiredEvent(MARK, COACH, cue, AT))
                .when(new RetireCueCommand(ID, cue, AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRetireACueAfterTheRevoke() {
        CueId cue = new CueId(UUID.randomUUID());
        fixture.given(OPENED, new CueAssignedEvent(MARK, COACH, cue, "chest up", Exercise.DEADLIFT, null, null, null, AT), CLOSED)
                .when(new RetireCueCommand(ID, cue, AT.plusSeconds(120)))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof DomainException d && d.code() == ErrorCode.NOT_FOUND));
    }

    @Test
    void aRepeatedIdAnswersTheFirstResultAndAppendsNothing() {
        ClearanceId clearance = new ClearanceId(UUID.randomUUID());
        ClearanceGivenEvent given = new ClearanceGivenEvent(MARK, COACH, clearance, Exercise.DEADLIFT, "seen by a PT", AT);
        fixture.given(OPENED, given)
                .when(new GiveClearanceCommand(ID, clearance, Exercise.DEADLIFT, "again", AT.plusSeconds(5)))
                .expectNoEvents()
                .expectResultMessagePayload(given);
    }

    @Test
    void eachKindOfRepeatAnswersItsFirstResult() {
        ReviewId review = new ReviewId(UUID.randomUUID());
        VideoId video = new VideoId(UUID.randomUUID());
        VideoReviewedEvent reviewed = new VideoReviewedEvent(MARK, COACH, review, video, List.of(), null, "fine", List.of(), AT);
        CueId cue = new CueId(UUID.randomUUID());
        CueAssignedEvent assigned = new CueAssignedEvent(MARK, COACH, cue, "chest up", Exercise.DEADLIFT, null, null, null, AT);
        DeloadId deload = new DeloadId(UUID.randomUUID());
        DeloadPrescribedEvent prescribed = new DeloadPrescribedEvent(MARK, COACH, deload, Exercise.DEADLIFT,
                Deload.of(Percent.of("50"), Load.lb(365)), AT);

        fixture.given(OPENED, reviewed, assigned, prescribed)
                .when(new ReviewVideoCommand(ID, review, video, List.of(), BigDecimal.ONE, "again", AT.plusSeconds(5)))
                .expectNoEvents().expectResultMessagePayload(reviewed);
        fixture.given(OPENED, reviewed, assigned, prescribed)
                .when(new AssignCueCommand(ID, cue, "brace", Exercise.DEADLIFT, null, null, null, AT.plusSeconds(5)))
                .expectNoEvents().expectResultMessagePayload(assigned);
        fixture.given(OPENED, reviewed, assigned, prescribed)
                .when(new PrescribeDeloadCommand(ID, deload, Exercise.DEADLIFT, Percent.of("60"), Load.lb(300), AT.plusSeconds(5)))
                .expectNoEvents().expectResultMessagePayload(prescribed);
    }

    @Test
    void cannotActForAnAthleteAfterTheRevoke() {
        List<Object> refused = List.of(
                new ReviewVideoCommand(ID, new ReviewId(UUID.randomUUID()), new VideoId(UUID.randomUUID()), List.of(), null, null, AT),
                new AssignCueCommand(ID, new CueId(UUID.randomUUID()), "chest up", Exercise.DEADLIFT, null, null, null, AT),
                new PrescribeDeloadCommand(ID, new DeloadId(UUID.randomUUID()), Exercise.DEADLIFT, Percent.of("50"), Load.lb(365), AT),
                new GiveClearanceCommand(ID, new ClearanceId(UUID.randomUUID()), Exercise.DEADLIFT, null, AT));
        for (Object command : refused) {
            fixture.given(OPENED, CLOSED).when(command)
                    .expectNoEvents()
                    .expectException(Matchers.predicate(e -> e instanceof DomainException d && d.code() == ErrorCode.NOT_FOUND));
        }
    }

}
