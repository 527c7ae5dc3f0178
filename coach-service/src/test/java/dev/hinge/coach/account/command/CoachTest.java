package dev.hinge.coach.account.command;

import dev.hinge.kernel.access.AcceptCoachAccessOfferCommand;
import dev.hinge.kernel.access.AccessOfferId;
import dev.hinge.kernel.access.CoachAccessOfferAcceptedEvent;
import dev.hinge.kernel.access.CoachInviteCodeIssuedEvent;
import dev.hinge.kernel.access.InviteCode;
import dev.hinge.kernel.access.IssueInviteCodeCommand;
import dev.hinge.kernel.account.CoachRegisteredEvent;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

class CoachTest {
    private static final CoachId COACH = new CoachId(UUID.fromString("c0000000-0000-4000-8000-000000000002"));
    private static final Instant AT = Instant.parse("2026-10-01T18:00:00Z");
    private static final InviteCode FIRST = new InviteCode("K7QM4XTBZR");
    private static final InviteCode SECOND = new InviteCode("9HWN3PQ2VD");

    private AggregateTestFixture<Coach> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coach.class);
    }

    @Test
    void aCoachWithoutACodeIsGivenTheOneOffered() {
        fixture.given(new CoachRegisteredEvent(COACH, new DisplayName("Coach Kim"), AT))
                .when(new IssueInviteCodeCommand(COACH, FIRST, false, AT))
                .expectEvents(new CoachInviteCodeIssuedEvent(COACH, FIRST, AT))
                .expectResultMessagePayload(FIRST);
    }

    @Test
    void acceptingAnOfferIsRecordedForTheAthlete() {
        AthleteId athlete = new AthleteId(UUID.randomUUID());
        AccessOfferId offer = new AccessOfferId(UUID.randomUUID());
        fixture.given(new CoachRegisteredEvent(COACH, new DisplayName("Coach Kim"), AT))
                .when(new AcceptCoachAccessOfferCommand(COACH, offer, athlete, AT))
                .expectEvents(new CoachAccessOfferAcceptedEvent(COACH, athlete, offer, AT));
    }

    @Test
    void askingAgainKeepsTheCodeInEffect() {
        fixture.given(new CoachRegisteredEvent(COACH, new DisplayName("Coach Kim"), AT),
                        new CoachInviteCodeIssuedEvent(COACH, FIRST, AT))
                .when(new IssueInviteCodeCommand(COACH, SECOND, false, AT.plusSeconds(60)))
                .expectNoEvents()
                .expectResultMessagePayload(FIRST);
    }

    @Test
    void replacingTheCodeIssuesTheNewOne() {
        fixture.given(new CoachRegisteredEvent(COACH, new DisplayName("Coach Kim"), AT),
                        new CoachInviteCodeIssuedEvent(COACH, FIRST, AT))
                .when(new IssueInviteCodeCommand(COACH, SECOND, true, AT.plusSeconds(60)))
                .expectEvents(new CoachInviteCodeIssuedEvent(COACH, SECOND, AT.plusSeconds(60)))
                .expectResultMessagePayload(SECOND);
    }
}
