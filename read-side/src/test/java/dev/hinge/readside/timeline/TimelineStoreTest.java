package dev.hinge.readside.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.kernel.training.Load;
import dev.hinge.platform.paging.Page;
import dev.hinge.platform.problem.FieldError;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.readside.Events;
import dev.hinge.readside.Events.Stored;
import dev.hinge.readside.ReadModelTables;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.Disposable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.hinge.readside.Events.cue;
import static dev.hinge.readside.Events.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The timeline read model on real PostgreSQL, on the athlete's table as athlete-service migrates it: the projection
 * records what the kernel describes, the store pages it by when things happened, resumes by where they sit in the
 * store, and a reset empties it for a replay.
 */
class TimelineStoreTest {
    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();
    static final Instant DAY_1 = Instant.parse("2026-10-01T18:00:00Z");

    static HikariDataSource dataSource;

    TimelineUpdates updates = new TimelineUpdates();
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
        store = store("athlete_timeline_item");
        projection = new TimelineProjection(store);
    }

    TimelineStore store(String table) {
        return new TimelineStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource), JSON, updates, table);
    }

    @Test
    void itemsAreInTheOrderThingsHappenedThenInTheOrderOfTheStore() {
        long p = Events.nextPositions(10);
        Stored third = handle(Events.at(p - 9, set(athlete, "deadlift", Load.lb(300), DAY_1.plusSeconds(2 * 86_400))));
        Stored first = handle(Events.at(p - 8, set(athlete, "deadlift", Load.lb(280), DAY_1)));
        Stored second = handle(Events.at(p - 7, cue(athlete, "brace", DAY_1.plusSeconds(86_400))));
        // two things at the same moment, handled in the opposite order to the store's
        Stored fifth = handle(Events.at(p - 5, set(athlete, "deadlift", Load.lb(310), DAY_1.plusSeconds(3 * 86_400))));
        Stored fourth = handle(Events.at(p - 6, set(athlete, "deadlift", Load.lb(305), DAY_1.plusSeconds(3 * 86_400))));

        assertThat(ids(page(null, null, null, null, 50, null))).containsExactly(
                first.id(), second.id(), third.id(), fourth.id(), fifth.id());
    }

    @Test
    void pagesFollowTheirCursorsWithNothingRepeatedOrMissed() {
        List<UUID> all = new ArrayList<>();
        // three items at one moment straddle the first page's end
        for (int day : new int[]{0, 1, 1, 1, 2, 3, 4}) {
            all.add(handle(Events.stored(set(athlete, "deadlift", Load.lb(200 + day), DAY_1.plusSeconds(day * 86_400L)))).id());
        }

        Page<TimelineItem> first = page(null, null, null, null, 3, null);
        Page<TimelineItem> second = page(null, null, null, null, 3, first.next());
        Page<TimelineItem> last = page(null, null, null, null, 3, second.next());

        assertThat(ids(first)).hasSize(3);
        assertThat(ids(second)).hasSize(3);
        assertThat(last.next()).isNull();
        List<UUID> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(second));
        paged.addAll(ids(last));
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void newestFirstPagesFollowTheirCursorsBackwardsWithNothingRepeatedOrMissed() {
        List<UUID> all = new ArrayList<>();
        // three items at one moment straddle the first page's end
        for (int day : new int[]{0, 1, 2, 2, 2, 3, 4}) {
            all.add(handle(Events.stored(set(athlete, "deadlift", Load.lb(200 + day), DAY_1.plusSeconds(day * 86_400L)))).id());
        }

        Page<TimelineItem> first = store.newestFirst(athlete.value(), 3, null);
        Page<TimelineItem> second = store.newestFirst(athlete.value(), 3, first.next());
        Page<TimelineItem> last = store.newestFirst(athlete.value(), 3, second.next());

        assertThat(last.next()).isNull();
        List<UUID> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(second));
        paged.addAll(ids(last));
        Collections.reverse(all);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void theLastPositionIsTheHighestInTheStoreWhateverWhenThingsHappened() {
        assertThat(store.lastPosition(athlete.value())).isEqualTo(-1);
        Stored later = handle(Events.stored(set(athlete, "deadlift", Load.lb(300), DAY_1.plusSeconds(86_400))));
        Stored loggedLate = handle(Events.stored(set(athlete, "deadlift", Load.lb(280), DAY_1)));

        assertThat(loggedLate.position()).isGreaterThan(later.position());
        assertThat(store.lastPosition(athlete.value())).isEqualTo(loggedLate.position());
    }

    @Test
    void anExerciseAndATimeWindowKeepTheirItems() {
        Stored day1 = handle(Events.stored(set(athlete, "deadlift", Load.lb(280), DAY_1)));
        Stored squat = handle(Events.stored(set(athlete, "squat", Load.lb(200), DAY_1.plusSeconds(86_400))));
        Stored day3 = handle(Events.stored(set(athlete, "deadlift", Load.lb(290), DAY_1.plusSeconds(2 * 86_400))));
        Stored day4 = handle(Events.stored(set(athlete, "deadlift", Load.lb(300), DAY_1.plusSeconds(3 * 86_400))));
        Instant day3At = DAY_1.plusSeconds(2 * 86_400);

        assertThat(ids(page("squat", null, null, null, 50, null))).containsExactly(squat.id());
        assertThat(ids(page("deadlift", null, null, null, 50, null))).containsExactly(day1.id(), day3.id(), day4.id());
        // from is inclusive, to exclusive, asOf inclusive
        assertThat(ids(page(null, day3At, null, null, 50, null))).containsExactly(day3.id(), day4.id());
        assertThat(ids(page(null, null, day3At, null, 50, null))).containsExactly(day1.id(), squat.id());
        assertThat(ids(page(null, null, null, day3At, 50, null))).containsExactly(day1.id(), squat.id(), day3.id());
    }

    @Test
    void aCursorThisListDidNotGiveOutIsRefusedNamingTheCursor() {
        assertThatThrownBy(() -> page(null, null, null, null, 50, "bm90LWEtY3Vyc29y"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor"));
    }

    @Test
    void aStreamsFirstPageIsTheLatestItemsAndAResumeReadsWhatWasRecordedAfterItsPositionInThatOrder() {
        Stored day2 = handle(Events.stored(set(athlete, "deadlift", Load.lb(290), DAY_1.plusSeconds(86_400))));
        Stored day3 = handle(Events.stored(set(athlete, "deadlift", Load.lb(300), DAY_1.plusSeconds(2 * 86_400))));
        // recorded after both, performed before them
        Stored day1 = handle(Events.stored(set(athlete, "deadlift", Load.lb(280), DAY_1)));
        Stored day4 = handle(Events.stored(set(athlete, "deadlift", Load.lb(310), DAY_1.plusSeconds(3 * 86_400))));

        assertThat(store.latest(athlete.value(), 2)).extracting(r -> r.item().id()).containsExactly(day3.id(), day4.id());
        List<TimelineUpdates.Recorded> since = store.after(athlete.value(), day2.position(), 10);
        assertThat(since).extracting(r -> r.item().id()).containsExactly(day3.id(), day1.id(), day4.id());
        assertThat(since).extracting(TimelineUpdates.Recorded::position)
                .containsExactly(day3.position(), day1.position(), day4.position());
        assertThat(store.after(athlete.value(), day2.position(), 1)).extracting(r -> r.item().id()).containsExactly(day3.id());

        assertThat(store.holds(athlete.value(), day1.position())).isTrue();
        assertThat(store.holds(UUID.randomUUID(), day1.position())).isFalse();
        assertThat(store.holds(athlete.value(), day4.position() + 1)).isFalse();
    }

    @Test
    void anEventHandledAgainIsStillOneItem() {
        Stored logged = Events.stored(set(athlete, "deadlift", Load.lb(280), DAY_1));
        handle(logged);
        handle(logged);

        assertThat(ids(page(null, null, null, null, 50, null))).containsExactly(logged.id());
    }

    @Test
    void anItemIsAnnouncedOnceItsUnitOfWorkCommitsAndNeitherKeptNorAnnouncedWhenItRollsBack() {
        List<TimelineUpdates.Recorded> announced = new CopyOnWriteArrayList<>();
        Disposable listening = updates.of(athlete.value()).subscribe(announced::add);
        try {
            Stored committed = Events.stored(set(athlete, "deadlift", Load.lb(280), DAY_1));
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(committed.message());
            projection.on(committed.payload(), committed.message(), committed.token());
            assertThat(announced).isEmpty();
            assertThat(ids(page(null, null, null, null, 50, null))).isEmpty();
            unitOfWork.commit();
            assertThat(announced).extracting(TimelineUpdates.Recorded::position).containsExactly(committed.position());
            assertThat(ids(page(null, null, null, null, 50, null))).containsExactly(committed.id());

            Stored rolledBack = Events.stored(set(athlete, "deadlift", Load.lb(290), DAY_1.plusSeconds(86_400)));
            UnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(rolledBack.message());
            projection.on(rolledBack.payload(), rolledBack.message(), rolledBack.token());
            failed.rollback();
            assertThat(announced).hasSize(1);
            assertThat(ids(page(null, null, null, null, 50, null))).containsExactly(committed.id());
        } finally {
            listening.dispose();
        }
    }

    @Test
    void aResetEmptiesItsOwnTableForAReplayAndTheReplayFillsItAgain() {
        TimelineStore coaches = store("coach_timeline_item");
        TimelineProjection coachProjection = new TimelineProjection(coaches);
        Stored logged = Events.stored(set(athlete, "deadlift", Load.lb(280), DAY_1));
        handle(logged);
        coachProjection.on(logged.payload(), logged.message(), logged.token());

        projection.reset();

        assertThat(ids(page(null, null, null, null, 50, null))).isEmpty();
        assertThat(coaches.page(athlete.value(), null, null, null, null, 50, null).items()).hasSize(1);
        handle(logged);
        assertThat(ids(page(null, null, null, null, 50, null))).containsExactly(logged.id());
    }

    private Stored handle(Stored event) {
        projection.on(event.payload(), event.message(), event.token());
        return event;
    }

    private Page<TimelineItem> page(String exercise, Instant from, Instant to, Instant asOf, int limit, String cursor) {
        return store.page(athlete.value(), exercise, from, to, asOf, limit, cursor);
    }

    private static List<UUID> ids(Page<TimelineItem> page) {
        return page.items().stream().map(TimelineItem::id).toList();
    }
}
