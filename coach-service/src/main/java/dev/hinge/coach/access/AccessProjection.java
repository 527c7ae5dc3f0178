package dev.hinge.coach.access;

import dev.hinge.kernel.coaching.RelationshipClosedEvent;
import dev.hinge.kernel.coaching.RelationshipOpenedEvent;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.coach.config.ReadModels;
import dev.hinge.platform.processing.DeadLetters;
import dev.hinge.platform.processing.SequenceParkedException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which athletes each coach may see, from the relationships (so a relationship open here is open in its
 * aggregate too). Every route about an athlete asks this first; closing also ends the coach's live streams.
 */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class AccessProjection {
    private final JdbcClient jdbc;
    private final DeadLetters deadLetters;
    private final Sinks.Many<Closed> closed = Sinks.many().multicast().directBestEffort();

    AccessProjection(JdbcClient jdbc, DeadLetters deadLetters) {
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
    }

    public record Closed(UUID coachId, UUID athleteId) {
    }

    @EventHandler
    void on(RelationshipOpenedEvent e) {
        set(e.coachId().value(), e.athleteId().value(), true);
    }

    @EventHandler
    void on(RelationshipClosedEvent e) {
        set(e.coachId().value(), e.athleteId().value(), false);
        Closed signal = new Closed(e.coachId().value(), e.athleteId().value());
        CurrentUnitOfWork.ifStarted(uow -> uow.afterCommit(u ->
                closed.emitNext(signal, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)))));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from coach_relationship").update();
    }

    private void set(UUID coach, UUID athlete, boolean open) {
        int updated = jdbc.sql("update coach_relationship set open = ? where coach_id = ? and athlete_id = ?")
                .params(open, coach, athlete).update();
        if (updated == 0) {
            jdbc.sql("insert into coach_relationship (coach_id, athlete_id, open) values (?, ?, ?)")
                    .params(coach, athlete, open).update();
        }
    }

    public boolean isOpen(UUID coach, UUID athlete) {
        return jdbc.sql("select count(*) from coach_relationship where coach_id = ? and athlete_id = ? and open")
                .params(coach, athlete).query(Long.class).single() > 0;
    }

    /**
     * Refuses as "not found" unless the athlete has granted this coach access; while one of the athlete's events is
     * parked in a dead-letter queue (this view, or the policy that opens and closes relationships, may be behind), a
     * coach who has or had access gets a 503 instead of a view that may be stale.
     */
    public void require(UUID coach, UUID athlete) {
        Optional<Boolean> open = jdbc.sql("select open from coach_relationship where coach_id = ? and athlete_id = ?")
                .params(coach, athlete).query(Boolean.class).optional();
        if (open.isPresent() && deadLetters.isParked(athlete.toString())) {
            throw new SequenceParkedException();
        }
        if (!open.orElse(false)) {
            throw DomainException.notFound("No such athlete");
        }
    }

    public List<UUID> athletesOf(UUID coach) {
        return jdbc.sql("select athlete_id from coach_relationship where coach_id = ? and open")
                .params(coach).query(UUID.class).list();
    }

    /** Emits once when this coach loses access to this athlete. */
    public Flux<Closed> closing(UUID coach, UUID athlete) {
        return closed.asFlux().filter(c -> c.coachId().equals(coach) && c.athleteId().equals(athlete)).take(1);
    }
}
