package dev.hinge.athlete.history.command;

import dev.hinge.kernel.access.AccessOfferId;
import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.access.CoachAccessOfferedEvent;
import dev.hinge.kernel.access.CoachAccessRevokedEvent;
import dev.hinge.kernel.access.GrantCoachAccessCommand;
import dev.hinge.kernel.access.GrantOfferedAccessCommand;
import dev.hinge.kernel.access.OfferCoachAccessCommand;
import dev.hinge.kernel.access.RevokeCoachAccessCommand;
import dev.hinge.kernel.account.AthleteRegisteredEvent;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.account.RegisterAthleteCommand;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainReportId;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.pain.ReportPainCommand;
import dev.hinge.kernel.training.AttachVideoCommand;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.LogSetCommand;
import dev.hinge.kernel.training.LoggedSet;
import dev.hinge.kernel.training.Reps;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.kernel.training.VideoSource;
import dev.hinge.kernel.training.VideoUrl;
import dev.hinge.platform.recorded.RecordedIds;
import dev.hinge.platform.test.RecordedInHistory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

class AthleteTest {
    private static final AthleteId MARK = new AthleteId(UUID.randomUUID());
    private static final Instant AT = Instant.parse("2026-10-01T18:00:00Z");
    private static final AthleteRegisteredEvent REGISTERED = new AthleteRegisteredEvent(MARK, new DisplayName("Mark"), AT);
    private static final PainReport SHARP = new PainReport(new PainScore(6), "lower back", PainQuality.SHARP);
    private static final PainReport RADIATING = new PainReport(new PainScore(5), "left leg", PainQuality.RADIATING);

    private AggregateTestFixture<Athlete> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Athlete.class);
        // what the athlete logged under an id is found in their history (in the services: the recorded_id table)
        RecordedIds recorded = new RecordedInHistory(fixture.getEventStore());
        fixture.registerInjectableResource(recorded);
        fixture.registerCommandHandlerInterceptor(new LogRepeats(recorded));
    }

    @Test
    void registeringOpensTheAthletesHistory() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAthleteCommand(MARK, new DisplayName("Mark"), AT))
                .expectEvents(REGISTERED);
    }

    @Test
    void anOfferByEmailIsRecordedWithTheDigestOnly() {
        AccessOfferId offer = new AccessOfferId(UUID.randomUUID());
        fixture.given(REGISTERED)
                .when(new OfferCoachAccessCommand(MARK, offer, "digest-of-the-email", AT))
                .expectEvents(new CoachAccessOfferedEvent(MARK, offer, "digest-of-the-email", AT));
    }

    @Test
    void theCoachWhoAcceptedAnOpenOfferIsGranted() {
        AccessOfferId offer = new AccessOfferId(UUID.randomUUID());
        CoachId coach = new CoachId(UUID.randomUUID());
        fixture.given(REGISTERED, new CoachAccessOfferedEvent(MARK, offer, "digest", AT))
                .when(new GrantOfferedAccessCommand(MARK, coach, offer, AT.plusSeconds(60)))
                .expectEvents(new CoachAccessGrantedEvent(MARK, coach, AT.plusSeconds(60)));
    }

    @Test
    void anOfferTheAthleteNeverMadeGrantsNothing() {
        fixture.given(REGISTERED, new CoachAccessOfferedEvent(MARK, new AccessOfferId(UUID.randomUUID()), "digest", AT))
                .when(new GrantOfferedAccessCommand(MARK, new CoachId(UUID.randomUUID()),
                        new AccessOfferId(UUID.randomUUID()), AT))
                .expectNoEvents();
    }

    @Test
    void loggingASetRecordsItAsPerformed() {
        SetId set = new SetId(UUID.randomUUID());
        fixture.given(REGISTERED)
                .when(logSet(set, SHARP, null))
                .expectEvents(setLogged(set, SHARP))
                .expectResultMessagePayload(new LoggedSet(setLogged(set, SHARP), null));
    }

    @Test
    void aSetWithFootageAlsoAttachesTheVideo() {
        SetId set = new SetId(UUID.randomUUID());
        VideoId video = new VideoId(UUID.randomUUID());
        VideoUrl url = new VideoUrl("https://example.com/mark.mp4");
        LogSetCommand command = new LogSetCommand(MARK, set, Exercise.DEADLIFT, Load.lb(365), new Reps(5), null, AT,
                SHARP, List.of(), video, url, null);
        fixture.given(REGISTERED)
                .when(command)
                .expectEvents(new SetLoggedEvent(MARK, set, Exercise.DEADLIFT, Load.lb(365), new Reps(5), null, AT, SHARP,
                                List.of(), null),
                        new VideoAttachedEvent(MARK, video, set, Exercise.DEADLIFT, url, null, AT));
    }

    @Test
    void aSetWithARedFlagSymptomRaisesARedFlag() {
        SetId set = new SetId(UUID.randomUUID());
        fixture.given(REGISTERED)
                .when(logSet(set, RADIATING, null))
                .expectEvents(setLogged(set, RADIATING), new RedFlagRaisedEvent(MARK,
                        RedFlagRaisedEvent.idFor(set.value()), set.value(), Exercise.DEADLIFT, RADIATING, AT));
    }

    @Test
    void loggingTheSameSetIdAgainAnswersTheFirstSetAndAppendsNothing() {
        SetId set = new SetId(UUID.randomUUID());
        fixture.given(REGISTERED, setLogged(set, SHARP))
                .when(logSet(set, PainReport.NONE, null))
                .expectNoEvents()
                .expectResultMessagePayload(new LoggedSet(setLogged(set, SHARP), null));
    }

    @Test
    void aSetWithFootageLoggedAgainAnswersTheFirstSetAndItsVideoEvenWithoutFootage() {
        SetId set = new SetId(UUID.randomUUID());
        VideoId video = VideoId.ofSet(MARK, set);
        VideoAttachedEvent attached = new VideoAttachedEvent(MARK, video, set, Exercise.DEADLIFT,
                new VideoUrl("https://example.com/first.mp4"), null, AT);
        fixture.given(REGISTERED, setLogged(set, SHARP), attached)
                .when(new LogSetCommand(MARK, set, Exercise.DEADLIFT, Load.lb(405), new Reps(1), null, AT, null, List.of(),
                        null, null, "sent again without the footage"))
                .expectNoEvents()
                .expectResultMessagePayload(new LoggedSet(setLogged(set, SHARP), attached));
    }

    @Test
    void aVideoAttachesToASetOfThisLogUnderTheSetsExercise() {
        SetId set = new SetId(UUID.randomUUID());
        VideoId video = new VideoId(UUID.randomUUID());
        VideoUrl url = new VideoUrl("https://example.com/squat.mp4");
        SetLoggedEvent squat = new SetLoggedEvent(MARK, set, new Exercise("back_squat"), Load.kg(140), new Reps(3), null, AT,
                null, List.of(), null);
        fixture.given(REGISTERED, squat)
                .when(new AttachVideoCommand(MARK, video, set, url, "side view", AT.plusSeconds(60)))
                .expectEvents(new VideoAttachedEvent(MARK, video, set, new Exercise("back_squat"), url, "side view",
                        AT.plusSeconds(60)));
    }

    @Test
    void anUploadedVideoIsRecordedAsAnUploadAtThePlatformsAddress() {
        SetId set = new SetId(UUID.randomUUID());
        VideoId video = new VideoId(UUID.randomUUID());
        fixture.given(REGISTERED, setLogged(set, SHARP))
                .when(AttachVideoCommand.uploaded(MARK, video, set, "front view", AT.plusSeconds(60)))
                .expectEvents(new VideoAttachedEvent(MARK, video, set, Exercise.DEADLIFT, VideoSource.UPLOAD,
                        new VideoUrl("/api/v1/videos/" + video), "front view", AT.plusSeconds(60)));
    }

    @Test
    void attachingTheSameVideoIdAgainAnswersTheFirstVideoAndAppendsNothing() {
        SetId set = new SetId(UUID.randomUUID());
        VideoId video = new VideoId(UUID.randomUUID());
        VideoAttachedEvent attached = new VideoAttachedEvent(MARK, video, set, Exercise.DEADLIFT,
                new VideoUrl("https://example.com/first.mp4"), null, AT);
        fixture.given(REGISTERED, setLogged(set, SHARP), attached)
                .when(new AttachVideoCommand(MARK, video, set, new VideoUrl("https://example.com/other.mp4"), "again", AT))
                .expectNoEvents()
                .expectResultMessagePayload(attached);
    }

    @Test
    void cannotAttachAVideoToASetNotInThisLog() {
        fixture.given(REGISTERED)
                .when(new AttachVideoCommand(MARK, new VideoId(UUID.randomUUID()), new SetId(UUID.randomUUID()),
                        new VideoUrl("https://example.com/v.mp4"), null, AT))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void aRedFlagPainReportIsRecordedAndRaisesARedFlag() {
        PainReportId report = new PainReportId(UUID.randomUUID());
        fixture.given(REGISTERED)
                .when(new ReportPainCommand(MARK, report, RADIATING, null, AT, "after pulls"))
                .expectEvents(new PainReportedEvent(MARK, report, RADIATING, null, AT, "after pulls"),
                        new RedFlagRaisedEvent(MARK, RedFlagRaisedEvent.idFor(report.value()), report.value(), null, RADIATING, AT));
    }

    @Test
    void reportingTheSamePainReportIdAgainAnswersTheFirstReportAndAppendsNothing() {
        PainReportId report = new PainReportId(UUID.randomUUID());
        PainReportedEvent reported = new PainReportedEvent(MARK, report, SHARP, null, AT, "after pulls");
        fixture.given(REGISTERED, reported)
                .when(new ReportPainCommand(MARK, report, RADIATING, null, AT.plusSeconds(60), "again"))
                .expectNoEvents()
                .expectResultMessagePayload(reported);
    }

    @Test
    void grantingTwiceChangesNothingAndRevokingNeedsAGrant() {
        CoachId coach = new CoachId(UUID.randomUUID());
        CoachAccessGrantedEvent granted = new CoachAccessGrantedEvent(MARK, coach, AT);
        fixture.given(REGISTERED, granted).when(new GrantCoachAccessCommand(MARK, coach, AT)).expectNoEvents();
        fixture.given(REGISTERED, granted).when(new RevokeCoachAccessCommand(MARK, coach, AT))
                .expectEvents(new CoachAccessRevokedEvent(MARK, coach, AT));
        fixture.given(REGISTERED).when(new RevokeCoachAccessCommand(MARK, coach, AT))
                .expectNoEvents().expectException(DomainException.class);
    }

    private static LogSetCommand logSet(SetId set, PainReport pain, VideoId video) {
        return new LogSetCommand(MARK, set, Exercise.DEADLIFT, Load.lb(365), new Reps(5), null, AT, pain,
                List.of(ChecklistItem.GRIP), video, null, null);
    }

    private static SetLoggedEvent setLogged(SetId set, PainReport pain) {
        return new SetLoggedEvent(MARK, set, Exercise.DEADLIFT, Load.lb(365), new Reps(5), null, AT, pain,
                List.of(ChecklistItem.GRIP), null);
    }
}
