package dev.hinge.kernel.progress;

import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.progress.ProgressView.SkippedItem;
import dev.hinge.kernel.progress.ProgressView.SuggestedLoad;
import dev.hinge.kernel.progress.ProgressView.TrendPoint;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.kernel.training.Load;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.hinge.kernel.progress.Events.DEADLIFT;
import static dev.hinge.kernel.progress.Events.PAIN_FREE;
import static dev.hinge.kernel.progress.Events.SHARP_6;
import static dev.hinge.kernel.progress.Events.SQUAT;
import static dev.hinge.kernel.progress.Events.clearance;
import static dev.hinge.kernel.progress.Events.cue;
import static dev.hinge.kernel.progress.Events.day;
import static dev.hinge.kernel.progress.Events.deload;
import static dev.hinge.kernel.progress.Events.pain;
import static dev.hinge.kernel.progress.Events.painReport;
import static dev.hinge.kernel.progress.Events.redFlag;
import static dev.hinge.kernel.progress.Events.retired;
import static dev.hinge.kernel.progress.Events.set;
import static org.assertj.core.api.Assertions.assertThat;

class ProgressFoldTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static ProgressView fold(Instant asOf, Object... events) {
        return ProgressFold.fold(DEADLIFT, List.of(events), asOf, UTC);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static TrendPoint point(String date, String topLoad, String estimatedOneRepMax) {
        return new TrendPoint(LocalDate.parse(date), dec(topLoad), dec(estimatedOneRepMax));
    }

    private static SuggestedLoad lb(String value) {
        return new SuggestedLoad(dec(value), "lb");
    }

    /** Two painful sessions at 365 lb, the deload to 50% on day 4 with three cues, then seven pain-free sessions. */
    private static List<Object> markCase() {
        List<Object> events = new ArrayList<>(List.of(
                set(Load.lb(365), 3, day(0), SHARP_6),
                set(Load.lb(365), 3, day(3), SHARP_6),
                deload("50", Load.lb(365), day(4)),
                cue("chest up", day(4)),
                cue("push the floor away", day(4).plusSeconds(1)),
                cue("drag the bar up your legs", day(4).plusSeconds(2))));
        int[] days = {5, 8, 12, 15, 19, 22, 26};
        int[] loads = {185, 205, 225, 245, 265, 285, 295};
        for (int i = 0; i < days.length; i++) {
            events.add(set(Load.lb(loads[i]), 5, day(days[i]), PAIN_FREE));
        }
        return events;
    }

    @Test
    void replaysTheMarkCase() {
        ProgressView view = ProgressFold.fold(DEADLIFT, markCase(), day(4 + 28), UTC);

        assertThat(view.exercise()).isEqualTo("deadlift");
        assertThat(view.unit()).isEqualTo("lb");
        assertThat(view.referenceMax()).isEqualTo(dec("365"));
        assertThat(view.deload())
                .isEqualTo(new ProgressView.DeloadSummary(dec("50"), dec("182.5"), dec("180"), day(4)));
        assertThat(view.bestPainFreeLoad()).isEqualTo(dec("295"));
        assertThat(view.bestPainFreePercent()).isEqualTo(dec("80.8"));
        assertThat(view.weeksSinceDeload()).isEqualTo(dec("4.0"));
        assertThat(view.painFreeStreak()).isEqualTo(7);
        assertThat(view.latestPain()).isEqualTo(new ProgressView.PainSummary(0, "none", day(26)));
        assertThat(view.activeCues()).containsExactly("chest up", "push the floor away", "drag the bar up your legs");
        assertThat(view.status()).isEqualTo("progressing");
        assertThat(view.suggestion().action()).isEqualTo("increase");
        assertThat(view.suggestion().load()).isEqualTo(lb("310"));
        assertThat(view.suggestion().reason()).contains("2026-10-27", "2026-10-31");
        assertThat(view.warnings()).isEmpty();
        assertThat(view.e1rmTrend()).hasSize(9);
        assertThat(view.e1rmTrend().get(0)).isEqualTo(point("2026-10-05", "365", "401.5"));
        assertThat(view.e1rmTrend().get(8)).isEqualTo(point("2026-10-31", "295", "344.17"));
    }

    @Test
    void eightyPercentOfTheOldMaxPainFreeIsReachedWithinFourWeeks() {
        ProgressView view = ProgressFold.fold(DEADLIFT, markCase(), day(26), UTC);

        assertThat(view.bestPainFreePercent()).isGreaterThanOrEqualTo(dec("80.0"));
        assertThat(view.weeksSinceDeload()).isLessThanOrEqualTo(dec("4.0"));
    }

    @Nested
    class RedFlag {
        @Test
        void redFlagStopsTrainingWithNoLoad() {
            ProgressView view = fold(day(2),
                    set(Load.lb(300), 5, day(0), PAIN_FREE),
                    set(Load.lb(300), 5, day(1), PAIN_FREE),
                    redFlag(DEADLIFT, PainQuality.RADIATING, day(1)));

            assertThat(view.status()).isEqualTo("red_flag");
            assertThat(view.suggestion().action()).isEqualTo("stop");
            assertThat(view.suggestion().load()).isNull();
            assertThat(view.suggestion().reason()).contains("2026-10-06", "clearance");
        }

        @Test
        void painFreeSetsDoNotLiftARedFlag() {
            ProgressView view = fold(day(10),
                    redFlag(DEADLIFT, PainQuality.TINGLING, day(0)),
                    set(Load.lb(200), 5, day(3), PAIN_FREE),
                    set(Load.lb(200), 5, day(6), PAIN_FREE));

            assertThat(view.status()).isEqualTo("red_flag");
            assertThat(view.suggestion().action()).isEqualTo("stop");
        }

        @Test
        void redFlagWithoutExerciseStopsDeadliftToo() {
            ProgressView view = fold(day(2), set(Load.lb(200), 5, day(0), PAIN_FREE),
                    redFlag(null, PainQuality.NUMBNESS, day(1)));

            assertThat(view.status()).isEqualTo("red_flag");
            assertThat(view.suggestion().action()).isEqualTo("stop");
        }

        @Test
        void clearanceForTheExerciseLiftsTheStop() {
            ProgressView view = fold(day(10),
                    set(Load.lb(200), 5, day(0), PAIN_FREE),
                    redFlag(null, PainQuality.RADIATING, day(1)),
                    clearance(DEADLIFT, day(5)),
                    set(Load.lb(200), 5, day(6), PAIN_FREE));

            assertThat(view.status()).isEqualTo("progressing");
            assertThat(view.suggestion().action()).isEqualTo("increase");
        }

        @Test
        void clearanceForAnotherExerciseDoesNotLiftTheStop() {
            ProgressView view = fold(day(10),
                    redFlag(DEADLIFT, PainQuality.RADIATING, day(1)),
                    clearance(SQUAT, day(5)));

            assertThat(view.status()).isEqualTo("red_flag");
        }

        @Test
        void redFlagAfterTheClearanceStopsAgain() {
            ProgressView view = fold(day(10),
                    redFlag(DEADLIFT, PainQuality.RADIATING, day(1)),
                    clearance(DEADLIFT, day(5)),
                    redFlag(DEADLIFT, PainQuality.TINGLING, day(7)));

            assertThat(view.status()).isEqualTo("red_flag");
            assertThat(view.suggestion().reason()).contains("2026-10-12");
        }

        @Test
        void aRedFlagAtTheVeryInstantOfAClearanceStillStops() {
            ProgressView view = fold(day(10),
                    redFlag(DEADLIFT, PainQuality.RADIATING, day(1)),
                    redFlag(DEADLIFT, PainQuality.NUMBNESS, day(5)),
                    clearance(DEADLIFT, day(5)));

            assertThat(view.status()).isEqualTo("red_flag");
            assertThat(view.suggestion().reason()).contains("numbness", "2026-10-10");
        }

        @Test
        void aLaterRedFlagWhileStoppedChangesNothingTheFirstIsNamed() {
            ProgressView view = fold(day(10),
                    redFlag(DEADLIFT, PainQuality.RADIATING, day(1)),
                    redFlag(null, PainQuality.TINGLING, day(3)));

            assertThat(view.suggestion().reason()).contains("radiating", "2026-10-06").doesNotContain("tingling");
        }

        @Test
        void redFlagOfAnotherExerciseDoesNotStopDeadlift() {
            ProgressView view = fold(day(2), set(Load.lb(200), 5, day(0), PAIN_FREE),
                    redFlag(SQUAT, PainQuality.RADIATING, day(1)));

            assertThat(view.status()).isEqualTo("progressing");
        }
    }

    @Nested
    class PainReported {
        @Test
        void sharpPainInTheLatestSessionBacksOffToTheBestPainFreeLoadBelowIt() {
            ProgressView view = fold(day(10),
                    deload("50", Load.lb(365), day(0)),
                    set(Load.lb(245), 5, day(1), PAIN_FREE),
                    set(Load.lb(267.5), 5, day(4), PAIN_FREE),
                    set(Load.lb(275), 5, day(7), pain(2, PainQuality.SHARP)));

            assertThat(view.status()).isEqualTo("pain_reported");
            assertThat(view.suggestion().action()).isEqualTo("back_off");
            assertThat(view.suggestion().load()).isEqualTo(lb("265"));
            assertThat(view.suggestion().reason()).contains("2026-10-12");
        }

        @Test
        void painOfFourBacksOffToTheDeloadWhenNothingLighterWasPainFree() {
            ProgressView view = fold(day(10),
                    deload("50", Load.lb(365), day(0)),
                    set(Load.lb(225), 5, day(1), pain(4, PainQuality.SORENESS)));

            assertThat(view.status()).isEqualTo("pain_reported");
            assertThat(view.suggestion().action()).isEqualTo("back_off");
            assertThat(view.suggestion().load()).isEqualTo(lb("180"));
        }

        @Test
        void backOffNamesNoLoadWithoutAPainFreeLoadOrDeload() {
            ProgressView view = fold(day(1), set(Load.lb(365), 3, day(0), SHARP_6));

            assertThat(view.status()).isEqualTo("pain_reported");
            assertThat(view.suggestion().action()).isEqualTo("back_off");
            assertThat(view.suggestion().load()).isNull();
        }

        @Test
        void sessionPainIsItsWorstReading() {
            ProgressView view = fold(day(1),
                    set(Load.lb(300), 5, day(0), PAIN_FREE),
                    set(Load.lb(300), 5, day(0).plusSeconds(600), pain(5, PainQuality.SORENESS)),
                    set(Load.lb(300), 5, day(0).plusSeconds(1200), pain(1, PainQuality.SORENESS)));

            assertThat(view.status()).isEqualTo("pain_reported");
            assertThat(view.latestPain())
                    .isEqualTo(new ProgressView.PainSummary(5, "soreness", day(0).plusSeconds(600)));
        }

        @Test
        void painReportedTheNextMorningCountsForTheSessionBefore() {
            ProgressView view = fold(day(2),
                    set(Load.lb(300), 5, day(0), PAIN_FREE),
                    painReport(DEADLIFT, SHARP_6, day(1)));

            assertThat(view.status()).isEqualTo("pain_reported");
            assertThat(view.latestPain().at()).isEqualTo(day(1));
        }

        @Test
        void painReportWithoutExerciseDoesNotCountForTheSession() {
            ProgressView view = fold(day(2),
                    set(Load.lb(300), 5, day(0), PAIN_FREE),
                    painReport(null, SHARP_6, day(0)));

            assertThat(view.status()).isEqualTo("progressing");
        }
    }

    @Nested
    class Deloaded {
        @Test
        void recoveredWhenPainFreeSinceTheDeloadReachesTheReferenceMax() {
            ProgressView view = fold(day(30),
                    deload("50", Load.lb(365), day(0)),
                    set(Load.lb(365), 1, day(28), PAIN_FREE));

            assertThat(view.status()).isEqualTo("recovered");
            assertThat(view.bestPainFreePercent()).isEqualTo(dec("100.0"));
        }

        @Test
        void deloadedWhileNothingPainFreeIsAboveTheRoundedLoad() {
            ProgressView view = fold(day(3),
                    deload("50", Load.lb(365), day(0)),
                    set(Load.lb(180), 5, day(1), PAIN_FREE));

            assertThat(view.status()).isEqualTo("deloaded");
            assertThat(view.suggestion().action()).isEqualTo("hold");
            assertThat(view.suggestion().load()).isEqualTo(lb("180"));
        }

        @Test
        void progressingOncePainFreeAboveTheRoundedLoad() {
            ProgressView view = fold(day(3),
                    deload("50", Load.lb(365), day(0)),
                    set(Load.lb(185), 5, day(1), PAIN_FREE));

            assertThat(view.status()).isEqualTo("progressing");
        }

        @Test
        void painFreeLoadsBeforeTheDeloadDoNotCount() {
            ProgressView view = fold(day(3),
                    set(Load.lb(315), 5, day(0), PAIN_FREE),
                    deload("50", Load.lb(365), day(1)));

            assertThat(view.bestPainFreeLoad()).isNull();
            assertThat(view.bestPainFreePercent()).isNull();
            assertThat(view.status()).isEqualTo("deloaded");
        }

        @Test
        void holdsAtTheDeloadLoadBeforeAnySessionSinceIt() {
            ProgressView view = fold(day(2),
                    set(Load.lb(315), 5, day(0), PAIN_FREE),
                    set(Load.lb(315), 5, day(0).plusSeconds(3600 * 24 - 1), PAIN_FREE),
                    deload("50", Load.lb(365), day(1)));

            assertThat(view.suggestion().action()).isEqualTo("hold");
            assertThat(view.suggestion().load()).isEqualTo(lb("180"));
        }

        @Test
        void theLatestDeloadReplacesAnEarlierOne() {
            ProgressView view = fold(day(10),
                    deload("50", Load.lb(365), day(0)),
                    deload("60", Load.lb(400), day(3)));

            assertThat(view.referenceMax()).isEqualTo(dec("400"));
            assertThat(view.deload().roundedLoad()).isEqualTo(dec("240"));
            assertThat(view.weeksSinceDeload()).isEqualTo(dec("1.0"));
        }

        @Test
        void asOfBeforeTheDeloadShowsNoDeload() {
            ProgressView view = ProgressFold.fold(DEADLIFT, markCase(), day(3).plusSeconds(60), UTC);

            assertThat(view.deload()).isNull();
            assertThat(view.weeksSinceDeload()).isNull();
            assertThat(view.activeCues()).isEmpty();
            assertThat(view.referenceMax()).isEqualTo(dec("365"));
            assertThat(view.status()).isEqualTo("pain_reported");
            assertThat(view.e1rmTrend()).hasSize(2);
        }
    }

    @Nested
    class WithoutDeload {
        @Test
        void progressingAndIncreasingByFivePercentOfTheTopLoad() {
            ProgressView view = fold(day(4),
                    set(Load.lb(200), 5, day(0), PAIN_FREE),
                    set(Load.lb(210), 5, day(3), PAIN_FREE));

            assertThat(view.status()).isEqualTo("progressing");
            assertThat(view.referenceMax()).isEqualTo(dec("210"));
            assertThat(view.bestPainFreePercent()).isEqualTo(dec("100.0"));
            assertThat(view.deload()).isNull();
            assertThat(view.suggestion().action()).isEqualTo("increase");
            assertThat(view.suggestion().load()).isEqualTo(lb("220"));
        }

        @Test
        void holdsAtTheLatestTopLoadAfterMildPain() {
            ProgressView view = fold(day(4),
                    set(Load.lb(200), 5, day(0), PAIN_FREE),
                    set(Load.lb(210), 5, day(3), pain(2, PainQuality.SORENESS)));

            assertThat(view.status()).isEqualTo("progressing");
            assertThat(view.suggestion().action()).isEqualTo("hold");
            assertThat(view.suggestion().load()).isEqualTo(lb("210"));
            assertThat(view.suggestion().reason()).contains("2026-10-08");
        }

        @Test
        void holdsWithNoLoadBeforeAnySession() {
            ProgressView view = fold(day(0));

            assertThat(view.unit()).isNull();
            assertThat(view.referenceMax()).isNull();
            assertThat(view.latestPain()).isNull();
            assertThat(view.suggestion().action()).isEqualTo("hold");
            assertThat(view.suggestion().load()).isNull();
            assertThat(view.e1rmTrend()).isEmpty();
            assertThat(view.checklist()).isNull();
        }
    }

    @Test
    void increaseNeverGoesAboveTheReferenceMaxWhileDeloaded() {
        ProgressView view = fold(day(10),
                deload("50", Load.lb(365), day(0)),
                set(Load.lb(350), 3, day(4), PAIN_FREE),
                set(Load.lb(355), 3, day(8), PAIN_FREE));

        assertThat(view.suggestion().action()).isEqualTo("increase");
        assertThat(view.suggestion().load()).isEqualTo(lb("365"));
    }

    @Test
    void kilogramAthleteGetsKilogramsAndKilogramPlates() {
        ProgressView view = ProgressFold.fold(DEADLIFT, List.of(
                set(Load.kg(160), 3, day(0), SHARP_6),
                deload("50", Load.kg(160), day(1)),
                set(Load.kg(90), 5, day(2), PAIN_FREE),
                set(Load.kg(101), 5, day(5), PAIN_FREE)), day(8), UTC);

        assertThat(view.unit()).isEqualTo("kg");
        assertThat(view.deload().roundedLoad()).isEqualTo(dec("80"));
        assertThat(view.bestPainFreeLoad()).isEqualTo(dec("101"));
        assertThat(view.bestPainFreePercent()).isEqualTo(dec("63.1"));
        assertThat(view.status()).isEqualTo("progressing");
        assertThat(view.suggestion().load()).isEqualTo(new SuggestedLoad(dec("107.5"), "kg"));
    }

    @Test
    void loadsInAnotherUnitAreConvertedToTheReferenceMaxUnit() {
        ProgressView view = fold(day(5),
                deload("50", Load.lb(365), day(0)),
                set(Load.kg(100), 5, day(1), PAIN_FREE),
                set(Load.kg(100), 5, day(4), PAIN_FREE));

        assertThat(view.unit()).isEqualTo("lb");
        assertThat(view.bestPainFreeLoad()).isEqualTo(dec("220.46"));
        assertThat(view.bestPainFreePercent()).isEqualTo(dec("60.4"));
        assertThat(view.suggestion().load()).isEqualTo(lb("235"));
    }

    @Test
    void aSetLoggedLateLandsInItsPlace() {
        List<Object> inOrder = markCase();
        Object painfulSetLoggedLate = set(Load.lb(300), 3, day(20), SHARP_6);
        List<Object> arrived = new ArrayList<>(inOrder);
        arrived.add(painfulSetLoggedLate);
        List<Object> placed = new ArrayList<>(inOrder);
        placed.add(10, painfulSetLoggedLate);

        ProgressView view = ProgressFold.fold(DEADLIFT, arrived, day(32), UTC);

        assertThat(view).isEqualTo(ProgressFold.fold(DEADLIFT, placed, day(32), UTC));
        assertThat(view.status()).isEqualTo("progressing");
        assertThat(view.painFreeStreak()).isEqualTo(2);
        assertThat(view.e1rmTrend()).extracting(TrendPoint::date).isSorted().hasSize(10);
    }

    @Test
    void aDeloadRecordedLateDoesNotReplaceTheLaterOne() {
        ProgressView view = fold(day(10),
                deload("60", Load.lb(400), day(3)),
                deload("50", Load.lb(365), day(0)));

        assertThat(view.referenceMax()).isEqualTo(dec("400"));
        assertThat(view.deload().since()).isEqualTo(day(3));
    }

    @Test
    void aRetirementArrivingBeforeItsCueStillRetiresIt() {
        var chestUp = cue("chest up", day(0));

        ProgressView view = fold(day(5), retired(chestUp, day(2)), chestUp);

        assertThat(view.activeCues()).isEmpty();
    }

    @Test
    void eventsAfterAsOfAreLeftOut() {
        ProgressView view = fold(day(1),
                set(Load.lb(200), 5, day(0), PAIN_FREE),
                set(Load.lb(400), 5, day(2), SHARP_6));

        assertThat(view.referenceMax()).isEqualTo(dec("200"));
        assertThat(view.status()).isEqualTo("progressing");
    }

    @Test
    void otherExercisesAndUnknownEventsAreIgnored() {
        ProgressView view = fold(day(3),
                set(Load.lb(200), 5, day(0), PAIN_FREE),
                set(SQUAT, Load.lb(300), 5, day(1), SHARP_6),
                deload(SQUAT, "50", Load.lb(300), day(1)),
                cue(SQUAT, "knees out", day(1)),
                "not an event",
                42);

        assertThat(view.referenceMax()).isEqualTo(dec("200"));
        assertThat(view.deload()).isNull();
        assertThat(view.activeCues()).isEmpty();
        assertThat(view.status()).isEqualTo("progressing");
    }

    @Test
    void retiredCuesAreNoLongerActive() {
        var chestUp = cue("chest up", day(0));
        ProgressView view = fold(day(5), chestUp, cue("push the floor away", day(1)), retired(chestUp, day(2)));

        assertThat(view.activeCues()).containsExactly("push the floor away");
    }

    /** A set logged without a pain answer is "not reported": never pain-free, never painful. */
    @Nested
    class PainNotReported {
        @Test
        void aSetWithoutAPainAnswerIsNotAPainFreeLoad() {
            ProgressView view = fold(day(4),
                    set(Load.lb(200), 5, day(0), PAIN_FREE),
                    set(Load.lb(250), 5, day(3), null));

            assertThat(view.bestPainFreeLoad()).isEqualTo(dec("200"));
            assertThat(view.latestPain()).isNull();
        }

        @Test
        void scoreZeroIsPainFree() {
            ProgressView view = fold(day(4),
                    set(Load.lb(200), 5, day(0), PAIN_FREE),
                    set(Load.lb(250), 5, day(3), PAIN_FREE));

            assertThat(view.bestPainFreeLoad()).isEqualTo(dec("250"));
            assertThat(view.painFreeStreak()).isEqualTo(2);
            assertThat(view.latestPain().score()).isZero();
            assertThat(view.suggestion().action()).isEqualTo("increase");
        }

        @Test
        void sessionsWithoutPainAnswersGiveNoReasonToAddLoad() {
            ProgressView view = fold(day(4),
                    set(Load.lb(200), 5, day(0), null),
                    set(Load.lb(210), 5, day(3), null));

            assertThat(view.bestPainFreeLoad()).isNull();
            assertThat(view.painFreeStreak()).isZero();
            assertThat(view.suggestion().action()).isEqualTo("hold");
            assertThat(view.suggestion().load()).isEqualTo(lb("210"));
        }

        @Test
        void aSessionWithoutAPainAnswerIsNotPainfulEither() {
            ProgressView view = fold(day(4),
                    set(Load.lb(200), 5, day(0), PAIN_FREE),
                    set(Load.lb(210), 5, day(3), null));

            assertThat(view.status()).isEqualTo("progressing");
            assertThat(view.suggestion().action()).isEqualTo("hold");
        }
    }

    @Test
    void painFreeStreakEndsAtASessionWithoutAPainReport() {
        ProgressView view = fold(day(10),
                set(Load.lb(200), 5, day(0), PAIN_FREE),
                set(Load.lb(200), 5, day(3), null),
                set(Load.lb(200), 5, day(6), PAIN_FREE),
                set(Load.lb(200), 5, day(9), PAIN_FREE));

        assertThat(view.painFreeStreak()).isEqualTo(2);
    }

    @Test
    void aSessionIsACalendarDayInTheAthletesZone() {
        List<Object> events = List.of(
                set(Load.lb(200), 5, Instant.parse("2026-10-05T23:30:00Z"), PAIN_FREE),
                set(Load.lb(210), 5, Instant.parse("2026-10-06T00:30:00Z"), PAIN_FREE));

        ProgressView utc = ProgressFold.fold(DEADLIFT, events, day(2), UTC);
        ProgressView newYork = ProgressFold.fold(DEADLIFT, events, day(2), ZoneId.of("America/New_York"));

        assertThat(utc.e1rmTrend()).hasSize(2);
        assertThat(utc.suggestion().action()).isEqualTo("increase");
        assertThat(newYork.e1rmTrend()).containsExactly(point("2026-10-05", "210", "245"));
        assertThat(newYork.suggestion().action()).isEqualTo("hold");
    }

    @Test
    void oneRepMaxIsNotEstimatedAboveTenReps() {
        ProgressView view = fold(day(1), set(Load.lb(135), 12, day(0), PAIN_FREE));

        assertThat(view.e1rmTrend()).containsExactly(new TrendPoint(LocalDate.parse("2026-10-05"), dec("135"), null));
    }

    @Nested
    class FrequentSessions {
        @Test
        void warnsAtThreeSessionsWithinSevenDaysEndingAtTheLatest() {
            ProgressView view = fold(day(10),
                    set(Load.lb(200), 5, day(0), PAIN_FREE),
                    set(Load.lb(200), 5, day(2), PAIN_FREE),
                    set(Load.lb(200), 5, day(6), PAIN_FREE));

            assertThat(view.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo("frequent_sessions");
                assertThat(w.message()).contains("3", "2026-10-05", "2026-10-11");
            });
        }

        @Test
        void doesNotWarnWhenTheThirdSessionIsAWeekLater() {
            ProgressView view = fold(day(10),
                    set(Load.lb(200), 5, day(0), PAIN_FREE),
                    set(Load.lb(200), 5, day(3), PAIN_FREE),
                    set(Load.lb(200), 5, day(7), PAIN_FREE));

            assertThat(view.warnings()).isEmpty();
        }
    }

    @Test
    void checklistAdherenceCountsSkipsOverTheLastTenCheckedSets() {
        ChecklistItem[] all = ChecklistItem.values();
        ChecklistItem[] withoutBracing = Arrays.stream(all)
                .filter(i -> i != ChecklistItem.CORE_BRACED).toArray(ChecklistItem[]::new);
        ChecklistItem[] withoutBracingOrLats = Arrays.stream(withoutBracing)
                .filter(i -> i != ChecklistItem.LATS_ENGAGED).toArray(ChecklistItem[]::new);
        List<Object> events = new ArrayList<>();
        events.add(set(Load.lb(200), 5, day(0), PAIN_FREE, ChecklistItem.GRIP));
        events.add(set(Load.lb(200), 5, day(0).plusSeconds(60), PAIN_FREE, ChecklistItem.GRIP));
        for (int i = 0; i < 10; i++) {
            ChecklistItem[] checked = i < 2 ? withoutBracingOrLats : i < 5 ? withoutBracing : all;
            events.add(set(Load.lb(200), 5, day(1).plusSeconds(60L * i), PAIN_FREE, checked));
        }
        events.add(set(Load.lb(200), 5, day(2), PAIN_FREE));

        ProgressView view = ProgressFold.fold(DEADLIFT, events, day(3), UTC);

        assertThat(view.checklist().setsConsidered()).isEqualTo(10);
        assertThat(view.checklist().skipped()).containsExactly(
                new SkippedItem("core_braced", 5), new SkippedItem("lats_engaged", 2));
    }
}
