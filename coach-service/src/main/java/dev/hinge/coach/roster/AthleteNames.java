package dev.hinge.coach.roster;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The name an athlete shows their coaches, and the exercise they trained last, from the roster's read model, for any
 * use case that prints them.
 */
@Component
public class AthleteNames {
    private final JdbcClient jdbc;

    AthleteNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> of(UUID athlete) {
        return jdbc.sql("select display_name from coach_athlete where athlete_id = ?").params(athlete)
                .query(String.class).optional();
    }

    /** The exercise the athlete logged their latest set of (by when it was performed), if any. */
    public Optional<String> lastExercise(UUID athlete) {
        return jdbc.sql("select last_exercise from coach_athlete where athlete_id = ? and last_exercise is not null")
                .params(athlete).query(String.class).optional();
    }
}
