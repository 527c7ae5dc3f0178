package dev.hinge.readside.timeline;

import com.zaxxer.hikari.HikariDataSource;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.timeline.Actor;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.kernel.training.Load;
import dev.hinge.readside.Events;
import dev.hinge.readside.Events.Stored;
import dev.hinge.readside.ReadModelTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.hinge.readside.Events.cue;
import static dev.hinge.readside.Events.set;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live timeline on a real store: one page first, or from {@code Last-Event-ID} what was recorded since; then each
 * item as it is recorded, once; a subscriber that falls too far behind is dropped with a reconnect event. (The routes,
 * their tokens and the cap per user are the services' tests.)
 */
class TimelineStreamsTest {
    static final Instant DAY_1 = Instant.parse("2026-09-01T18:00:00Z");
    static HikariDataSource dataSource;

    TimelineUpdates updates = new TimelineUpdates();
    TimelineStreams streams = new TimelineStreams(updates, Clock.systemUTC(), Duration.ofSeconds(15), 256, 5, Duration.ofSeconds(30));
    TimelineStore store;
    TimelineProjection projection;
    AthleteId athlete = new AthleteId(UUID.randomUUID());

    @BeforeAll
    static void database() {
        dataSource = ReadModelTables.fresh();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void projection() {
        store = new TimelineStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource), TimelineStoreTest.JSON,
                updates, "athlete_timeline_item");
        projection = new TimelineProjection(store);
    }

    @Test
    void aStreamStartsWithTheLatestPageOldestFirstThenWhatIsRecorded() {
        for (int i = 0; i < 55; i++) {
            handle(Events.stored(cue(athlete, "cue " + i, DAY_1.plusSeconds(i * 3_600L))));
        }
        Stored live = Events.stored(set(athlete, "deadlift", Load.lb(300), DAY_1));

        List<String> summaries = new ArrayList<>();
        StepVerifier.create(items(null).take(51))
                .recordWith(ArrayList::new)
                .expectNextCount(50)
                .consumeRecordedWith(page -> page.forEach(e -> summaries.add(((TimelineItem) e.data()).data().get("text").toString())))
                .then(() -> announce(live))
                .assertNext(e -> assertThat(((TimelineItem) e.data()).id()).isEqualTo(live.id()))
                .verifyComplete();
        assertThat(summaries.get(0)).isEqualTo("cue 5");
        assertThat(summaries.get(49)).isEqualTo("cue 54");
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatWasRecordedSinceInTheOrderRecordedAndAnUnknownIdThePage() {
        Stored first = handle(Events.stored(set(athlete, "deadlift", Load.lb(200), DAY_1)));
        ServerSentEvent<Object> sent = items(null).blockFirst(Duration.ofSeconds(30));
        assertThat(sent.id()).isEqualTo(Long.toString(first.position()));

        // while the phone is away: two sets, the second performed earlier than the first
        Stored later = handle(Events.stored(set(athlete, "deadlift", Load.lb(210), DAY_1.plusSeconds(2 * 86_400))));
        Stored earlier = handle(Events.stored(set(athlete, "deadlift", Load.lb(205), DAY_1.plusSeconds(86_400))));

        StepVerifier.create(items(sent.id()).take(2))
                .assertNext(e -> {
                    assertThat(((TimelineItem) e.data()).id()).isEqualTo(later.id());
                    assertThat(e.id()).isEqualTo(Long.toString(later.position()));
                })
                .assertNext(e -> {
                    assertThat(((TimelineItem) e.data()).id()).isEqualTo(earlier.id());
                    assertThat(e.id()).isEqualTo(Long.toString(earlier.position()));
                })
                .verifyComplete();
        // an id this timeline never gave out starts with the page, in the order things happened
        StepVerifier.create(items("not-an-id").take(3).map(e -> ((TimelineItem) e.data()).id()))
                .expectNext(first.id(), earlier.id(), later.id())
                .verifyComplete();
        StepVerifier.create(items(Long.toString(Events.nextPositions(1))).take(3).map(e -> ((TimelineItem) e.data()).id()))
                .expectNext(first.id(), earlier.id(), later.id())
                .verifyComplete();
    }

    @Test
    void anItemOnTheFirstPageIsNotSentAgainWhenItsRecordingIsAnnouncedLate() {
        Stored onPage = handle(Events.stored(set(athlete, "deadlift", Load.lb(200), DAY_1)));
        Stored live = Events.stored(set(athlete, "deadlift", Load.lb(210), DAY_1.plusSeconds(86_400)));

        StepVerifier.create(items(null).map(e -> ((TimelineItem) e.data()).id()).take(2))
                .expectNext(onPage.id())
                .then(() -> {
                    announce(onPage);
                    announce(live);
                })
                .expectNext(live.id())
                .verifyComplete();
    }

    @Test
    void aSubscriberThatFallsTooFarBehindIsDroppedWithAReconnectEvent() {
        UUID athlete = UUID.randomUUID();
        Flux<ServerSentEvent<Object>> stream = streams.stream(store, athlete,
                new TimelineStreams.Subscriber(athlete, null, null), Flux.never());

        StepVerifier.create(stream.filter(e -> e.event() != null), 0)
                .thenAwait(Duration.ofMillis(200))
                .then(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        updates.recorded(athlete, i, new TimelineItem(UUID.randomUUID(), Instant.now(), "pain_reported",
                                Actor.athlete(athlete), "pain " + i, Map.of()));
                    }
                })
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(e -> e.event().equals("pain_reported"))
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo(TimelineStreams.RECONNECT);
                    TimelineStreams.Ending ending = (TimelineStreams.Ending) e.data();
                    assertThat(ending.lastEventId()).isEqualTo(e.id());
                })
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void anItemRecordedLiveWithALowerPositionThanOneSentIsStillSent() {
        UUID athlete = UUID.randomUUID();
        Flux<ServerSentEvent<Object>> stream = streams.stream(store, athlete,
                new TimelineStreams.Subscriber(athlete, null, null), Flux.never());

        StepVerifier.create(stream.filter(e -> e.event() != null).map(e -> ((TimelineItem) e.data()).summary()).take(2))
                .thenAwait(Duration.ofMillis(200))
                .then(() -> {
                    // the second event's transaction committed after the first's: a lower position, recorded later
                    updates.recorded(athlete, 100, new TimelineItem(UUID.randomUUID(), Instant.now(), "pain_reported",
                            Actor.athlete(athlete), "committed first", Map.of()));
                    updates.recorded(athlete, 50, new TimelineItem(UUID.randomUUID(), Instant.now(), "pain_reported",
                            Actor.athlete(athlete), "committed late", Map.of()));
                })
                .expectNext("committed first", "committed late")
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    private Stored handle(Stored event) {
        projection.on(event.payload(), event.message(), event.token());
        return event;
    }

    /** Records {@code event} and announces it, as a committed unit of work does. */
    private void announce(Stored event) {
        handle(event);
        List<TimelineUpdates.Recorded> recorded = store.after(athlete.value(), event.position() - 1, 1);
        updates.recorded(athlete.value(), event.position(), recorded.get(0).item());
    }

    /** The stream's events that carry an item or an ending (no heartbeats). */
    private Flux<ServerSentEvent<Object>> items(String lastEventId) {
        return streams.stream(store, athlete.value(), new TimelineStreams.Subscriber(UUID.randomUUID(), null, lastEventId),
                Flux.never()).filter(e -> e.event() != null);
    }
}
