package dev.hinge.kernel.progress;

import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.ClearanceId;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainReportId;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.Reps;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.WeightUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static dev.hinge.kernel.progress.Events.ATHLETE;
import static dev.hinge.kernel.progress.Events.COACH;
import static dev.hinge.kernel.progress.Events.DEADLIFT;
import static dev.hinge.kernel.progress.Events.SQUAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the fold over generated histories: mixed exercises, units, pains, deloads, cues, red flags and
 * clearances, with many events sharing a time so that the tie-break is exercised.
 */
class ProgressFoldProperties {
    private static final int MAX_EVENTS = 30;
    private static final int LAST_DAY = 20;

    @Property
    void foldingAnyPermutationGivesAnEqualView(@ForAll("histories") List<Object> events, @ForAll Random random,
                                              @ForAll("zones") ZoneId zone,
                                              @ForAll @IntRange(max = LAST_DAY + 2) int asOfDay) {
        Instant asOf = Events.day(asOfDay);
        List<Object> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);

        assertThat(ProgressFold.fold(DEADLIFT, shuffled, asOf, zone))
                .isEqualTo(ProgressFold.fold(DEADLIFT, events, asOf, zone));
    }

    /**
     * What a read model does: carry the state forward event by event as events arrive, in any order, and fold the
     * events arrived so far again when one comes before the last applied (a set logged late). It ends where the
     * whole history's fold ends, and so views as of any later moment agree.
     */
    @Property
    void aStateCarriedForwardInAnyArrivalOrderEqualsTheWholeHistorysFold(@ForAll("histories") List<Object> events,
                                                                        @ForAll Random random,
                                                                        @ForAll("zones") ZoneId zone,
                                                                        @ForAll @IntRange(max = 14) int laterDays) {
        List<Object> arrival = new ArrayList<>(events);
        Collections.shuffle(arrival, random);
        List<Object> arrived = new ArrayList<>();
        ProgressState state = ProgressState.empty(DEADLIFT, zone);
        int refolds = 0;
        for (Object event : arrival) {
            arrived.add(event);
            Optional<ProgressState> next = state.then(event);
            if (next.isEmpty()) {
                refolds++;
            }
            state = next.orElseGet(() -> ProgressFold.state(DEADLIFT, arrived, zone));
        }
        Instant asOf = Events.day(LAST_DAY + 1 + laterDays);

        assertThat(state).isEqualTo(ProgressFold.state(DEADLIFT, events, zone));
        assertThat(state.view(asOf)).isEqualTo(ProgressFold.fold(DEADLIFT, events, asOf, zone));
        Statistics.label("late events").collect(refolds > 0);
        Statistics.label("late events").coverage(c -> {
            c.check(true).percentage(p -> p > 20);
            c.check(false).percentage(p -> p > 5);
        });
    }

    @Property
    void anUnclearedRedFlagAlwaysMeansStopWithNoLoad(@ForAll("histories") List<Object> events,
                                                     @ForAll("zones") ZoneId zone) {
        List<Object> withRedFlag = new ArrayList<>(events);
        withRedFlag.add(Events.redFlag(null, PainQuality.RADIATING, Events.day(LAST_DAY + 1)));

        ProgressView view = ProgressFold.fold(DEADLIFT, withRedFlag, Events.day(LAST_DAY + 2), zone);

        assertThat(view.status()).isEqualTo("red_flag");
        assertThat(view.suggestion().action()).isEqualTo("stop");
        assertThat(view.suggestion().load()).isNull();
    }

    @Property
    void anIncreaseNeverGoesAboveTheReferenceMaxWhileDeloaded(@ForAll("histories") List<Object> events,
                                                              @ForAll("zones") ZoneId zone) {
        ProgressView view = ProgressFold.fold(DEADLIFT, events, Events.day(LAST_DAY + 2), zone);

        boolean increaseWhileDeloaded = view.deload() != null && view.suggestion().action().equals("increase");
        Statistics.label("increase while deloaded").collect(increaseWhileDeloaded);
        if (increaseWhileDeloaded) {
            assertThat(view.suggestion().load().value()).isLessThanOrEqualTo(view.referenceMax());
        }
        // the histories must reach the case this property is about, or it proves nothing
        Statistics.label("increase while deloaded").coverage(coverage -> coverage.check(true).count(n -> n >= 5));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "America/New_York", "Pacific/Auckland").map(ZoneId::of);
    }

    /** Each generated event gets a distinct id from its place in the list; retirements point at any place. */
    @Provide
    Arbitrary<List<Object>> histories() {
        Arbitrary<Function<UUID, Object>> event = Arbitraries.frequencyOf(
                Tuple.of(6, sets()),
                Tuple.of(2, painReports()),
                Tuple.of(1, redFlags()),
                Tuple.of(1, clearances()),
                Tuple.of(1, deloads()),
                Tuple.of(2, cues()),
                Tuple.of(1, retirements()));
        return event.list().ofMaxSize(MAX_EVENTS).map(makers -> {
            List<Object> events = new ArrayList<>();
            for (int i = 0; i < makers.size(); i++) {
                events.add(makers.get(i).apply(idAt(i)));
            }
            return events;
        });
    }

    private static UUID idAt(int index) {
        return new UUID(1L, index);
    }

    private Arbitrary<Function<UUID, Object>> sets() {
        Arbitrary<List<ChecklistItem>> checklists = Arbitraries.of(ChecklistItem.class).list().uniqueElements();
        return Combinators.combine(exercises(), loads(), Arbitraries.integers().between(1, 12), times(),
                        pains().injectNull(0.2), checklists)
                .as((exercise, load, reps, at, pain, checklist) -> id -> new SetLoggedEvent(ATHLETE, SetId.of(id),
                        exercise, load, new Reps(reps), null, at, pain, checklist, null));
    }

    private Arbitrary<Function<UUID, Object>> painReports() {
        return Combinators.combine(exercises().injectNull(0.3), pains(), times())
                .as((exercise, pain, at) -> id -> new PainReportedEvent(ATHLETE, PainReportId.of(id), pain, exercise,
                        at, null));
    }

    private Arbitrary<Function<UUID, Object>> redFlags() {
        return Combinators.combine(exercises().injectNull(0.3), Arbitraries.of(PainQuality.RADIATING,
                        PainQuality.TINGLING, PainQuality.NUMBNESS), times())
                .as((exercise, quality, at) -> id -> new RedFlagRaisedEvent(ATHLETE, id, id, exercise,
                        new PainReport(new PainScore(3), null, quality), at));
    }

    private Arbitrary<Function<UUID, Object>> clearances() {
        return Combinators.combine(exercises(), times())
                .as((exercise, at) -> id -> new ClearanceGivenEvent(ATHLETE, COACH, ClearanceId.of(id), exercise,
                        null, at));
    }

    private Arbitrary<Function<UUID, Object>> deloads() {
        return Combinators.combine(exercises(), Arbitraries.integers().between(40, 90), loads(), times())
                .as((exercise, percent, max, at) -> id -> new DeloadPrescribedEvent(ATHLETE, COACH, DeloadId.of(id),
                        exercise, Deload.of(new Percent(BigDecimal.valueOf(percent)), max), at));
    }

    private Arbitrary<Function<UUID, Object>> cues() {
        return Combinators.combine(exercises(), Arbitraries.of("chest up", "push the floor away",
                        "drag the bar up your legs"), times())
                .as((exercise, text, at) -> id -> new CueAssignedEvent(ATHLETE, COACH, CueId.of(id), text, exercise,
                        null, null, null, at));
    }

    private Arbitrary<Function<UUID, Object>> retirements() {
        return Combinators.combine(Arbitraries.integers().between(0, MAX_EVENTS - 1), times())
                .as((cueAt, at) -> id -> new CueRetiredEvent(ATHLETE, COACH, CueId.of(idAt(cueAt)), at));
    }

    private static Arbitrary<Exercise> exercises() {
        return Arbitraries.of(DEADLIFT, SQUAT);
    }

    /** Day 0 to 20, at one of four hours after 18:00 UTC: many events share a time or a day. */
    private static Arbitrary<Instant> times() {
        return Combinators.combine(Arbitraries.integers().between(0, LAST_DAY), Arbitraries.of(0, 3, 6, 12))
                .as((day, hours) -> Events.day(day).plus(Duration.ofHours(hours)));
    }

    private static Arbitrary<Load> loads() {
        Arbitrary<Load> pounds = Arbitraries.integers().between(18, 280)
                .map(n -> new Load(BigDecimal.valueOf(n).multiply(new BigDecimal("2.5")), WeightUnit.LB));
        Arbitrary<Load> kilograms = Arbitraries.integers().between(8, 128)
                .map(n -> new Load(BigDecimal.valueOf(n).multiply(new BigDecimal("2.5")), WeightUnit.KG));
        return Arbitraries.oneOf(pounds, pounds, kilograms);
    }

    private static Arbitrary<PainReport> pains() {
        Arbitrary<PainReport> hurting = Combinators.combine(Arbitraries.integers().between(1, 10),
                        Arbitraries.of(PainQuality.SORENESS, PainQuality.SHARP, PainQuality.RADIATING))
                .as((score, quality) -> new PainReport(new PainScore(score), null, quality));
        return Arbitraries.oneOf(Arbitraries.just(PainReport.NONE), Arbitraries.just(PainReport.NONE), hurting);
    }
}
