package dev.hinge.athlete.replay;

import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;

import javax.sql.DataSource;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How athlete-service builds its read models: the settings the benchmark chose, and rebuilds by migration. */
@SpringBootTest
@ContextConfiguration(initializers = FreshPostgres.class)
class ReadModelProcessingTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    /**
     * Every read model, the read side's timeline and progress too, is in the one group: beside it runs only the policy
     * that grants access a coach accepted (a command, not a read model).
     */
    @Test
    void theAthletesReadModelsAreOneGroupBuiltByTwoSegments() {
        await().untilAsserted(() -> assertThat(jdbc.sql("select processor_name || ' ' || segment from token_entry")
                .query(String.class).list()).containsExactlyInAnyOrder("athlete.read-models 0", "athlete.read-models 1",
                        "athlete.offer-policy 0"));
    }

    /**
     * The driver rewrites a batch into multi-row inserts only with {@code reWriteBatchedInserts}; (in groups of a power of two rows); it then cannot say how
     * many rows each statement of the batch inserted, and answers {@link Statement#SUCCESS_NO_INFO} for each.
     */
    @Test
    void batchedInsertsReachPostgresqlAsMultiRowInserts() {
        JdbcTemplate batches = new JdbcTemplate(dataSource);
        batches.execute("create table batch_probe (n integer)");

        int[] counts = batches.batchUpdate("insert into batch_probe (n) values (?)",
                List.of(new Object[]{1}, new Object[]{2}, new Object[]{3}, new Object[]{4}));

        assertThat(counts).containsOnly(Statement.SUCCESS_NO_INFO);
        assertThat(batches.queryForObject("select count(*) from batch_probe", Long.class)).isEqualTo(4);
    }

    @Test
    void theMigrationThatRekeysTimelineAndProgressRebuildsTheReadModelsFromTheEvents() {
        TestDatabase.Connection db = TestDatabase.fresh();
        DataSource fresh = new DriverManagerDataSource(db.url(), db.username(), db.password());
        Flyway.configure().dataSource(fresh).locations("classpath:db/platform", "classpath:db/platform-postgresql")
                .table("platform_schema_history").load().migrate();
        Flyway.configure().dataSource(fresh).locations("classpath:db/athlete").table("athlete_schema_history").baselineOnMigrate(true).baselineVersion("0")
                .target("1").load().migrate();
        JdbcClient old = JdbcClient.create(fresh);
        UUID athlete = UUID.randomUUID();
        old.sql("insert into athlete_timeline_item (athlete_id, item_id, at, position, type, item) values (?, ?, now(), 7, 'set_logged', '{}')")
                .params(athlete, UUID.randomUUID()).update();
        old.sql("insert into athlete_known_coach (coach_id, display_name) values (?, 'Coach')").params(UUID.randomUUID()).update();
        old.sql("insert into token_entry (processor_name, segment, owner) values ('athlete.read-models', 0, null)").update();
        old.sql("insert into token_entry (processor_name, segment, owner) values ('coach.read-models', 0, null)").update();

        Flyway.configure().dataSource(fresh).locations("classpath:db/athlete").table("athlete_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();

        assertThat(old.sql("select count(*) from athlete_timeline_item").query(Long.class).single()).isZero();
        assertThat(old.sql("select count(*) from athlete_known_coach").query(Long.class).single()).isZero();
        assertThat(old.sql("select processor_name from token_entry").query(String.class).list())
                .containsExactly("coach.read-models");
    }
}
