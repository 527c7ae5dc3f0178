package dev.hinge.athlete.processing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.platform.test.FreshPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection that fails for one athlete parks that athlete's events in athlete.read-models' dead-letter queue; every
 * other athlete's events flow on; once mended, an operator's retry projects the parked events in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hinge.admin.password=" + PoisonEventTest.ADMIN_PASSWORD)
@ContextConfiguration(initializers = FreshPostgres.class)
class PoisonEventTest {
    static final String ADMIN_PASSWORD = "an operator's long password";
    private static final String SET = """
            {"exercise":"deadlift","load":{"value":%d,"unit":"lb"},"reps":5,"performedAt":"2026-10-0%dT18:00:00Z"}""";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void slowMachine() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aFailingEventParksItsAthleteWhileOthersFlowAndARetryAfterTheRepairProjectsIt() {
        Athlete poisoned = register("Poisoned");
        Athlete other = register("Other");
        jdbc.sql("""
                create function refuse_one_athlete() returns trigger language plpgsql as $$
                begin
                    if new.athlete_id = '%s' and new.type = 'set_logged' then raise exception 'disk says no'; end if;
                    return new;
                end $$""".formatted(poisoned.id)).update();
        jdbc.sql("create trigger refuse_one_athlete before insert on athlete_timeline_item for each row execute function refuse_one_athlete()").update();

        poisoned.logSet(300, 1);
        poisoned.logSet(310, 2);
        other.logSet(200, 1);

        await().untilAsserted(() -> assertThat(sets(other)).isEqualTo(1));
        await().untilAsserted(() -> assertThat(parked(poisoned)).isEqualTo(2));
        assertThat(sets(poisoned)).isZero();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DEGRADED");
        other.logSet(210, 2);
        await().untilAsserted(() -> assertThat(sets(other)).isEqualTo(2));

        jdbc.sql("drop trigger refuse_one_athlete on athlete_timeline_item").update();
        admin().post().uri("/actuator/deadletters/athlete.read-models").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sequence\":\"" + poisoned.id + "\"}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.processed").isEqualTo(1);

        assertThat(parked(poisoned)).isZero();
        assertThat(sets(poisoned)).isEqualTo(2);
        poisoned.logSet(320, 3);
        await().untilAsserted(() -> assertThat(sets(poisoned)).isEqualTo(3));
    }

    @Test
    void anEventOfAnUnknownTypeIsDeadLetteredNotSkipped() {
        Athlete athlete = register("Unknown");
        jdbc.sql("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload, meta_data)
                values (?, ?, 1000, 'Athlete', '2026-10-01T18:00:00Z', 'dev.hinge.kernel.training.SetRenamedEvent',
                        cast('{}' as bytea), cast('{}' as bytea))""")
                .params(UUID.randomUUID().toString(), athlete.id.toString()).update();

        await().untilAsserted(() -> assertThat(jdbc.sql("""
                select cause_type from dead_letter_entry where processing_group = 'athlete.read-models' and sequence_identifier = ?""")
                .params(athlete.id.toString()).query(String.class).list())
                .singleElement().asString().endsWith("UnknownPayloadTypeException"));
    }

    /** Found by the fault suite: a payload that cannot be read stopped every athlete, before any handler ran. */
    @Test
    void anEventWhosePayloadCannotBeReadIsDeadLetteredAndOthersFlowOn() {
        Athlete poisoned = register("Unreadable");
        Athlete other = register("Readable");
        jdbc.sql("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload, meta_data)
                values (?, ?, 1000, 'Athlete', '2026-10-01T18:00:00Z', 'dev.hinge.kernel.training.SetLoggedEvent',
                        cast('{"athleteId":' as bytea), cast('{}' as bytea))""")
                .params(UUID.randomUUID().toString(), poisoned.id.toString()).update();

        http.post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(other.token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}")
                .exchange().expectStatus().isCreated();

        await().untilAsserted(() -> {
            assertThat(parked(poisoned)).isEqualTo(1);
            assertThat(sets(other)).isEqualTo(1);
        });
    }

    private long parked(Athlete athlete) {
        return jdbc.sql("select count(*) from dead_letter_entry where processing_group = 'athlete.read-models' and sequence_identifier = ?")
                .params(athlete.id.toString()).query(Long.class).single();
    }

    private long sets(Athlete athlete) {
        return jdbc.sql("select count(*) from athlete_timeline_item where athlete_id = ? and type = 'set_logged'")
                .params(athlete.id).query(Long.class).single();
    }

    private WebTestClient admin() {
        return http.mutate().defaultHeaders(h -> h.setBasicAuth("admin", ADMIN_PASSWORD)).build();
    }

    private Athlete register(String name) {
        JsonNode body = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + name.toLowerCase() + "+" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"" + name + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return new Athlete(UUID.fromString(body.get("id").asText()), body.get("token").asText());
    }

    private final class Athlete {
        final UUID id;
        final String token;

        Athlete(UUID id, String token) {
            this.id = id;
            this.token = token;
        }

        void logSet(int pounds, int day) {
            http.post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(SET.formatted(pounds, day)).exchange().expectStatus().isCreated();
        }
    }
}
