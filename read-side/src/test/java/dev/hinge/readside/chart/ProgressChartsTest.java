package dev.hinge.readside.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.timeline.Timeline;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.Reps;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.kernel.training.VideoUrl;
import dev.hinge.platform.axon.SerializerConfiguration;
import dev.hinge.readside.Events;
import dev.hinge.readside.Events.Stored;
import dev.hinge.readside.ReadModelTables;
import dev.hinge.readside.chart.ProgressChart.Marker;
import dev.hinge.readside.chart.ProgressChart.Point;
import dev.hinge.readside.chart.ProgressChart.Step;
import dev.hinge.readside.progress.ProgressProjection;
import dev.hinge.readside.progress.ProgressStore;
import dev.hinge.readside.timeline.TimelineStore;
import dev.hinge.readside.timeline.TimelineUpdates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progression chart on real PostgreSQL, on the athlete's tables as athlete-service migrates them: the timeline
 * and progress projections record the events, and a chart reads their rows.
 */
class ProgressChartsTest {
    /** Spring Boot's mapper writes instants as ISO text, as the services' does. */
    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    static final Instant DELOAD_AT = Instant.parse("2026-10-05T18:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-15T00:00:00Z");
    static final PainReport SHARP_6 = new PainReport(new PainScore(6), "lower back", PainQuality.SHARP);
    static final PainReport PAIN_FREE = PainReport.NONE;
    static final int[] CLIMB = {185, 205, 225, 245, 265, 285, 295};
    static final List<String> CUES = List.of("chest up", "push the floor away", "drag the bar up your legs");

    static HikariDataSource dataSource;

    TimelineStore timeline;
    ProgressProjection progress;
    ProgressStore progressStore;
    ProgressCharts charts;
    AthleteId athlete = new AthleteId(UUID.randomUUID());
    CoachId coach = new CoachId(UUID.randomUUID());

    @BeforeAll
    static void database() {
        dataSource = ReadModelTables.fresh();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void projections() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        JdbcTemplate batches = new JdbcTemplate(dataSource);
        TimelineStore store = new TimelineStore(jdbc, batches, JSON, new TimelineUpdates(), "athlete_timeline_item");
        timeline = store;
        progressStore = new ProgressStore(jdbc, batches, new SerializerConfiguration().serializer(), "athlete");
        progress = new ProgressProjection(progressStore);
        charts = new ProgressCharts(store, JSON);
    }

    @Test
    void theMarkCaseShowsTheDipToFiftyPercentAndTheClimbBackToEightyPainFree() throws Exception {
        List<UUID> sets = markCase();

        ProgressView view = progress.progress(athlete.value(), Exercise.DEADLIFT, LATER);
        ProgressChart chart = charts.chart(athlete.value(), view, LATER);

        assertThat(chart.exercise()).isEqualTo("deadlift");
        assertThat(chart.unit()).isEqualTo("lb");
        assertThat(chart.points()).extracting(Point::load).map(BigDecimal::toPlainString)
                .containsExactly("365", "185", "205", "225", "245", "265", "285", "295");
        assertThat(chart.points()).extracting(Point::pain).containsExactly(6, 0, 0, 0, 0, 0, 0, 0);
        assertThat(chart.points()).extracting(Point::redFlag).containsOnly(false);
        assertThat(chart.points()).extracting(Point::setId).containsExactlyElementsOf(sets);
        assertThat(chart.points().get(0)).isEqualTo(new Point(DELOAD_AT.minus(Duration.ofDays(2)), new BigDecimal("365"), 5,
                6, "sharp", false, sets.get(0)));
        assertThat(chart.points().get(1).at()).isEqualTo(DELOAD_AT.plus(Duration.ofDays(1)));
        assertThat(chart.referenceMax()).isEqualByComparingTo("365");
        assertThat(chart.deloadLevel()).isEqualByComparingTo("180");
        assertThat(chart.markers()).containsExactly(
                new Marker(DELOAD_AT.minus(Duration.ofDays(1)), "cue", "chest up"),
                new Marker(DELOAD_AT.minus(Duration.ofDays(1)).plusSeconds(60), "cue", "push the floor away"),
                new Marker(DELOAD_AT.minus(Duration.ofDays(1)).plusSeconds(120), "cue", "drag the bar up your legs"),
                new Marker(DELOAD_AT, "deload", "scale to 50%"));
        // the best pain-free load climbs a step at each set, from 185 lb (just above the 180 lb deload) to 295 lb
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < CLIMB.length; i++) {
            steps.add(new Step(DELOAD_AT.plus(Duration.ofDays(1 + 4L * i)), new BigDecimal(CLIMB[i])));
        }
        assertThat(chart.painFreeBest()).containsExactlyElementsOf(steps);
        // 80% of the old max (292 lb) reached pain-free
        assertThat(chart.painFreeBest().get(6).load()).isGreaterThanOrEqualTo(new BigDecimal("292"));
        assertThat(chart.summary()).isEqualTo("Deadlift load over time: 8 sets from 2026-10-03 to 2026-10-30, 185 to 365 lb."
                + " 1 set with pain. Reference max 365 lb. Cue \"chest up\", on 2026-10-04. Cue \"push the floor away\", on"
                + " 2026-10-04. Cue \"drag the bar up your legs\", on 2026-10-04. Deload, scale to 50%, on 2026-10-05."
                + " Deload level 180 lb. Best pain-free load 295 lb (80.8% of the reference max).");

        JsonNode json = JSON.readTree(charts.figure(chart).json());
        assertThat(json.get("points")).hasSize(8);
        assertThat(json.at("/points/0/at").asText()).isEqualTo("2026-10-03T18:00:00Z");
        assertThat(json.at("/points/0/load").decimalValue()).isEqualByComparingTo("365");
        assertThat(json.at("/points/7/pain").asInt()).isZero();
        assertThat(json.at("/referenceMax").decimalValue()).isEqualByComparingTo("365");
        assertThat(json.at("/deloadLevel").decimalValue()).isEqualByComparingTo("180");
        assertThat(json.get("markers")).hasSize(4);
        assertThat(json.get("painFreeBest")).hasSize(7);
        assertThat(json.at("/points/0").has("when")).isFalse();
    }

    @Test
    void asOfBeforeTheDeloadShowsOnlyWhatHadHappened() {
        markCase();
        Instant before = DELOAD_AT.minusSeconds(1);

        ProgressChart chart = charts.chart(athlete.value(), progress.progress(athlete.value(), Exercise.DEADLIFT, before), before);

        assertThat(chart.points()).hasSize(1);
        assertThat(chart.deloadLevel()).isNull();
        assertThat(chart.markers()).extracting(Marker::kind).containsExactly("cue", "cue", "cue");
        assertThat(chart.painFreeBest()).isEmpty();
    }

    @Test
    void painNotReportedIsNullARedFlagIsMarkedKilogramsShowInTheReferenceMaxsUnitAndADeloadResetsTheBest() {
        Instant day1 = Instant.parse("2026-09-01T18:00:00Z");
        handle(set("deadlift", Load.lb(200), PAIN_FREE, day1));
        handle(set("deadlift", Load.kg(100), null, day1.plus(Duration.ofDays(1))));
        handle(set("deadlift", Load.lb(240), new PainReport(new PainScore(5), "left leg", PainQuality.RADIATING),
                day1.plus(Duration.ofDays(2))));
        handle(set("squat", Load.lb(500), PAIN_FREE, day1.plus(Duration.ofDays(2))));
        handle(deload("60", Load.lb(240), day1.plus(Duration.ofDays(3))));
        handle(set("deadlift", Load.lb(150), PAIN_FREE, day1.plus(Duration.ofDays(4))));
        handle(set("deadlift", Load.lb(140), PAIN_FREE, day1.plus(Duration.ofDays(5))));

        ProgressChart chart = charts.chart(athlete.value(), progress.progress(athlete.value(), Exercise.DEADLIFT, LATER), LATER);

        assertThat(chart.unit()).isEqualTo("lb");
        // 100 kg is 220.46 lb, shown to two decimals
        assertThat(chart.points()).extracting(p -> p.load().toPlainString())
                .containsExactly("200", "220.46", "240", "150", "140");
        assertThat(chart.points()).extracting(Point::pain).containsExactly(0, null, 5, 0, 0);
        assertThat(chart.points()).extracting(Point::painQuality).containsExactly("none", null, "radiating", "none", "none");
        assertThat(chart.points()).extracting(Point::redFlag).containsExactly(false, false, true, false, false);
        assertThat(chart.referenceMax()).isEqualByComparingTo("240");
        assertThat(chart.deloadLevel()).isEqualByComparingTo("140");
        assertThat(chart.markers()).containsExactly(new Marker(day1.plus(Duration.ofDays(3)), "deload", "scale to 60%"));
        assertThat(chart.painFreeBest()).containsExactly(
                new Step(day1, new BigDecimal("200")),
                new Step(day1.plus(Duration.ofDays(3)), null),
                new Step(day1.plus(Duration.ofDays(4)), new BigDecimal("150")),
                new Step(day1.plus(Duration.ofDays(5)), new BigDecimal("150")));
        assertThat(chart.summary()).contains("5 sets", "1 set with pain, 1 with a red flag.");
        assertThat(chart.points()).extracting(Point::painText)
                .containsExactly("0", "not reported", "5 (radiating)", "0", "0");
        assertThat(chart.points().get(0).when()).isEqualTo("2026-09-01 18:00 UTC");
        // the picker's exercises: those with progress, by slug
        assertThat(progress.exercises(athlete.value())).extracting(Exercise::slug).containsExactly("deadlift", "squat");
    }

    @Test
    void anExerciseWithNothingLoggedIsAnEmptyChart() {
        ProgressChart chart = charts.chart(athlete.value(), progress.progress(athlete.value(), Exercise.DEADLIFT, LATER), LATER);

        assertThat(chart.points()).isEmpty();
        assertThat(chart.unit()).isNull();
        assertThat(chart.referenceMax()).isNull();
        assertThat(chart.summary()).isEqualTo("No deadlift sets logged yet.");
    }

    /** The Mark case as the e2e suite enters it; answers the ids of his eight sets. */
    private List<UUID> markCase() {
        List<UUID> sets = new ArrayList<>();
        SetLoggedEvent painful = set("deadlift", Load.lb(365), SHARP_6, DELOAD_AT.minus(Duration.ofDays(2)));
        sets.add(painful.setId().value());
        handle(painful);
        handle(new VideoAttachedEvent(athlete, new VideoId(UUID.randomUUID()), painful.setId(), Exercise.DEADLIFT,
                new VideoUrl("https://example.com/mark-365.mp4"), null, DELOAD_AT.minus(Duration.ofDays(2))));
        for (int i = 0; i < CUES.size(); i++) {
            handle(new CueAssignedEvent(athlete, coach, new CueId(UUID.randomUUID()), CUES.get(i), Exercise.DEADLIFT, null,
                    null, null, DELOAD_AT.minus(Duration.ofDays(1)).plusSeconds(60L * i)));
        }
        handle(deload("50", Load.lb(365), DELOAD_AT));
        for (int i = 0; i < CLIMB.length; i++) {
            SetLoggedEvent set = set("deadlift", Load.lb(CLIMB[i]), PAIN_FREE, DELOAD_AT.plus(Duration.ofDays(1 + 4L * i)));
            sets.add(set.setId().value());
            handle(set);
        }
        return sets;
    }

    private SetLoggedEvent set(String exercise, Load load, PainReport pain, Instant at) {
        return new SetLoggedEvent(athlete, new SetId(UUID.randomUUID()), new Exercise(exercise), load, new Reps(5), null,
                at, pain, List.of(), null);
    }

    private DeloadPrescribedEvent deload(String percent, Load referenceMax, Instant at) {
        return new DeloadPrescribedEvent(athlete, coach, DeloadId.of(UUID.randomUUID()), Exercise.DEADLIFT,
                Deload.of(Percent.of(percent), referenceMax), at);
    }

    private void handle(Object event) {
        Stored stored = Events.stored(event);
        Timeline.describe(event).ifPresent(entry -> timeline.record(entry, stored.message(), stored.token()));
        progressStore.record(stored.payload(), stored.message(), stored.token());
    }
}
