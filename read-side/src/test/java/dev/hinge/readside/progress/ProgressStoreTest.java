package dev.hinge.readside.progress;

import com.zaxxer.hikari.HikariDataSource;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.progress.ProgressState;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.platform.axon.SerializerConfiguration;
import dev.hinge.readside.Events;
import dev.hinge.readside.Events.Stored;
import dev.hinge.readside.ReadModelTables;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.hinge.readside.Events.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The progress read model on real PostgreSQL, on the athlete's tables as athlete-service migrates them: a state row
 * per athlete and exercise carried forward as events arrive and read as it is; the history folded where a state
 * cannot answer (a moment before its last event, a set logged late, a state of another format); written once per
 * unit of work, and refused when another wrote the same state meanwhile.
 */
class ProgressStoreTest {
    static final Instant DAY_1 = Instant.parse("2026-10-01T18:00:00Z");
    static final Instant DAY_4 = DAY_1.plusSeconds(3 * 86_400);
    static final Instant LATER = Instant.parse("2026-11-01T00:00:00Z");
    static final Exercise DEADLIFT = Exercise.DEADLIFT;

    static HikariDataSource dataSource;

    JdbcClient jdbc;
    ProgressStore store;
    ProgressProjection projection;
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
        jdbc = JdbcClient.create(dataSource);
        store = store("athlete");
        projection = new ProgressProjection(store);
    }

    ProgressStore store(String prefix) {
        return new ProgressStore(jdbc, new JdbcTemplate(dataSource), new SerializerConfiguration().serializer(), prefix);
    }

    @Test
    void eachAthleteAndExerciseHasOneStateCarriedForwardAsEventsArrive() {
        AthleteId other = new AthleteId(UUID.randomUUID());
        handle(set(athlete, "deadlift", Load.lb(285), DAY_1));
        handle(set(athlete, "squat", Load.lb(200), DAY_1));
        handle(set(other, "deadlift", Load.lb(150), DAY_1));
        assertThat(version(athlete, "deadlift")).isEqualTo(1);

        handle(set(athlete, "deadlift", Load.lb(295), DAY_4));

        assertThat(jdbc.sql("select athlete_id, exercise, version from athlete_progress_state where athlete_id in (?, ?)"
                        + " order by athlete_id = ?, exercise")
                .params(athlete.value(), other.value(), athlete.value())
                .query((rs, n) -> rs.getObject(1, UUID.class) + " " + rs.getString(2) + " " + rs.getLong(3)).list())
                .containsExactly(other + " deadlift 1", athlete + " deadlift 2", athlete + " squat 1");
        ProgressView deadlift = projection.progress(athlete.value(), DEADLIFT, LATER);
        assertThat(deadlift.bestPainFreeLoad()).isEqualByComparingTo("295");
        assertThat(deadlift.e1rmTrend()).hasSize(2);
        assertThat(projection.progress(athlete.value(), new Exercise("squat"), LATER).bestPainFreeLoad()).isEqualByComparingTo("200");
        assertThat(projection.progress(other.value(), DEADLIFT, LATER).bestPainFreeLoad()).isEqualByComparingTo("150");
    }

    @Test
    void aViewReadsTheStateNotTheHistory() {
        handle(set(athlete, "deadlift", Load.lb(285), DAY_1));
        handle(set(athlete, "deadlift", Load.lb(295), DAY_4));
        ProgressView kept = projection.progress(athlete.value(), DEADLIFT, LATER);

        // the events the fold reads, gone: a view folded from them would now show nothing
        jdbc.sql("delete from athlete_progress_event where athlete_id = ?").params(athlete.value()).update();

        assertThat(projection.progress(athlete.value(), DEADLIFT, LATER)).isEqualTo(kept);
        assertThat(kept.bestPainFreeLoad()).isEqualByComparingTo("295");
    }

    @Test
    void asOfBeforeTheLastEventShowsTheHistoryAsItWasThen() {
        handle(set(athlete, "deadlift", Load.lb(285), DAY_1));
        handle(set(athlete, "deadlift", Load.lb(295), DAY_4));

        ProgressView then = projection.progress(athlete.value(), DEADLIFT, DAY_1.plusSeconds(86_400));
        assertThat(then.bestPainFreeLoad()).isEqualByComparingTo("285");
        assertThat(then.e1rmTrend()).hasSize(1);
        assertThat(projection.progress(athlete.value(), DEADLIFT, DAY_1.minusSeconds(60)).e1rmTrend()).isEmpty();
        assertThat(projection.progress(athlete.value(), DEADLIFT, LATER).bestPainFreeLoad()).isEqualByComparingTo("295");
    }

    @Test
    void aSetLoggedLateTakesItsPlaceAsIfLoggedInOrder() {
        AthleteId inOrder = new AthleteId(UUID.randomUUID());
        handle(set(inOrder, "deadlift", Load.lb(300), DAY_1));
        handle(set(inOrder, "deadlift", Load.lb(295), DAY_4));

        handle(set(athlete, "deadlift", Load.lb(295), DAY_4));
        handle(set(athlete, "deadlift", Load.lb(300), DAY_1));

        ProgressView late = projection.progress(athlete.value(), DEADLIFT, LATER);
        assertThat(late).isEqualTo(projection.progress(inOrder.value(), DEADLIFT, LATER));
        assertThat(late.e1rmTrend()).extracting(p -> p.topLoad()).containsExactly(new BigDecimal("300"), new BigDecimal("295"));
    }

    @Test
    void aRedFlagForEveryExerciseHoldsEachExerciseWithAState() {
        handle(set(athlete, "deadlift", Load.lb(285), DAY_1));
        handle(set(athlete, "squat", Load.lb(200), DAY_1));
        PainReport tingling = new PainReport(new PainScore(3), "left leg", PainQuality.TINGLING);
        UUID source = UUID.randomUUID();
        handle(new RedFlagRaisedEvent(athlete, RedFlagRaisedEvent.idFor(source), source, null, tingling, DAY_4));

        assertThat(projection.progress(athlete.value(), DEADLIFT, LATER).status()).isEqualTo("red_flag");
        assertThat(projection.progress(athlete.value(), new Exercise("squat"), LATER).status()).isEqualTo("red_flag");
        assertThat(jdbc.sql("select status from athlete_progress_state where athlete_id = ?").params(athlete.value())
                .query(String.class).list()).containsOnly("red_flag").hasSize(2);
        // an exercise with no state yet is held too: its view is folded from the red flags
        assertThat(projection.progress(athlete.value(), new Exercise("bench_press"), LATER).status()).isEqualTo("red_flag");
    }

    @Test
    void aStateOfAnotherFormatIsNotReadButFoldedThenRebuiltAtTheNextEvent() {
        handle(set(athlete, "deadlift", Load.lb(285), DAY_1));
        ProgressView before = projection.progress(athlete.value(), DEADLIFT, LATER);
        // a state written by a build whose fold had another shape: this one cannot read it
        jdbc.sql("update athlete_progress_state set format = ?, state = ? where athlete_id = ?")
                .params(ProgressState.FORMAT + 1, "{}".getBytes(), athlete.value()).update();

        assertThat(projection.progress(athlete.value(), DEADLIFT, LATER)).isEqualTo(before);

        handle(set(athlete, "deadlift", Load.lb(295), DAY_4));
        assertThat(jdbc.sql("select format from athlete_progress_state where athlete_id = ?").params(athlete.value())
                .query(Integer.class).single()).isEqualTo(ProgressState.FORMAT);
        assertThat(projection.progress(athlete.value(), DEADLIFT, LATER).bestPainFreeLoad()).isEqualByComparingTo("295");
    }

    @Test
    void aRosterReadsEachAthletesStateTogetherAndFoldsOnlyThoseWithout() {
        AthleteId second = new AthleteId(UUID.randomUUID());
        AthleteId idle = new AthleteId(UUID.randomUUID());
        handle(set(athlete, "deadlift", Load.lb(285), DAY_1));
        handle(set(second, "squat", Load.lb(200), DAY_1));

        Map<UUID, ProgressView> roster = projection.progress(Map.of(athlete.value(), DEADLIFT,
                second.value(), new Exercise("squat"), idle.value(), DEADLIFT), LATER);

        assertThat(roster).containsOnlyKeys(athlete.value(), second.value(), idle.value());
        assertThat(roster.get(athlete.value())).isEqualTo(projection.progress(athlete.value(), DEADLIFT, LATER));
        assertThat(roster.get(second.value()).bestPainFreeLoad()).isEqualByComparingTo("200");
        assertThat(roster.get(idle.value())).isEqualTo(projection.progress(idle.value(), DEADLIFT, LATER));
        assertThat(roster.get(idle.value()).e1rmTrend()).isEmpty();
        assertThat(projection.progress(Map.of(), LATER)).isEmpty();
    }

    @Test
    void aUnitOfWorkWritesEachStateOnceWhenItCommitsAndNothingWhenItRollsBack() {
        Stored first = Events.stored(set(athlete, "deadlift", Load.lb(285), DAY_1));
        Stored second = Events.stored(set(athlete, "deadlift", Load.lb(295), DAY_4));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(first.message());
        projection.on(first.payload(), first.message(), first.token());
        projection.on(second.payload(), second.message(), second.token());
        assertThat(version(athlete, "deadlift")).isNull();
        batch.commit();

        assertThat(version(athlete, "deadlift")).isEqualTo(1);
        assertThat(projection.progress(athlete.value(), DEADLIFT, LATER).e1rmTrend()).hasSize(2);

        Stored third = Events.stored(set(athlete, "deadlift", Load.lb(305), DAY_4.plusSeconds(86_400)));
        UnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(third.message());
        projection.on(third.payload(), third.message(), third.token());
        failed.rollback();
        assertThat(version(athlete, "deadlift")).isEqualTo(1);
        assertThat(projection.progress(athlete.value(), DEADLIFT, LATER).e1rmTrend()).hasSize(2);
    }

    @Test
    void aStateChangedByAnotherUnitOfWorkMeanwhileFailsTheBatchSoItIsHandledAgain() throws Exception {
        handle(set(athlete, "deadlift", Load.lb(285), DAY_1));
        Stored mine = Events.stored(set(athlete, "deadlift", Load.lb(295), DAY_4));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(mine.message());
        projection.on(mine.payload(), mine.message(), mine.token());

        // another segment handles another of this athlete's events and commits first
        ExecutorService segment = Executors.newSingleThreadExecutor();
        try {
            segment.submit(() -> handle(set(athlete, "deadlift", Load.lb(290), DAY_4.plusSeconds(3_600)))).get(30, TimeUnit.SECONDS);
        } finally {
            segment.shutdown();
        }

        assertThatThrownBy(batch::commit).isInstanceOf(ProgressStore.ConcurrentStateChangeException.class);
        assertThat(version(athlete, "deadlift")).isEqualTo(2);
    }

    @Test
    void aResetEmptiesItsOwnTablesForAReplay() {
        ProgressProjection coaches = new ProgressProjection(store("coach"));
        Stored logged = Events.stored(set(athlete, "deadlift", Load.lb(285), DAY_1));
        projection.on(logged.payload(), logged.message(), logged.token());
        coaches.on(logged.payload(), logged.message(), logged.token());

        projection.reset();

        assertThat(jdbc.sql("select count(*) from athlete_progress_state").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from athlete_progress_event").query(Long.class).single()).isZero();
        assertThat(projection.progress(athlete.value(), DEADLIFT, LATER).e1rmTrend()).isEmpty();
        assertThat(coaches.progress(athlete.value(), DEADLIFT, LATER).bestPainFreeLoad()).isEqualByComparingTo("285");
    }

    private void handle(Object event) {
        Stored stored = Events.stored(event);
        projection.on(stored.payload(), stored.message(), stored.token());
    }

    private Long version(AthleteId athlete, String exercise) {
        return jdbc.sql("select version from athlete_progress_state where athlete_id = ? and exercise = ?")
                .params(athlete.value(), exercise).query(Long.class).optional().orElse(null);
    }
}
