package dev.hinge.coach.deloads.query;

import dev.hinge.coach.config.ReadModels;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.WeightUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** The heaviest load each athlete logged per exercise: a deload's reference max when the coach names none. */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class HeaviestLoadProjection {
    private final JdbcClient jdbc;

    HeaviestLoadProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SetLoggedEvent e) {
        UUID athlete = e.athleteId().value();
        Load load = e.load();
        int updated = jdbc.sql("update coach_heaviest_load set load_value = ?, unit = ?, kilograms = ? where athlete_id = ? and exercise = ? and kilograms < ?")
                .params(load.value(), Slugs.of(load.unit()), load.kilograms(), athlete, e.exercise().slug(), load.kilograms()).update();
        if (updated == 0) {
            jdbc.sql("insert into coach_heaviest_load (athlete_id, exercise, load_value, unit, kilograms) values (?, ?, ?, ?, ?) on conflict do nothing")
                    .params(athlete, e.exercise().slug(), load.value(), Slugs.of(load.unit()), load.kilograms()).update();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from coach_heaviest_load").update();
    }

    /** The heaviest load the athlete logged for the exercise, in the unit it was logged in. */
    public Optional<Load> of(UUID athlete, Exercise exercise) {
        return jdbc.sql("select load_value, unit from coach_heaviest_load where athlete_id = ? and exercise = ?")
                .params(athlete, exercise.slug())
                .query((rs, n) -> new Load(rs.getBigDecimal(1), Slugs.parse(WeightUnit.class, rs.getString(2))))
                .optional();
    }
}
