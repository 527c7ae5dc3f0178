package dev.hinge.readside;

import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.Reps;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Events as the processors hand them to the read side: a payload, its message, and its position in the store. */
public final class Events {
    /** Positions are unique in a store, as in the real one: every test of a run takes the next. */
    private static final AtomicLong POSITIONS = new AtomicLong(1_000);

    private Events() {
    }

    public record Stored(Object payload, EventMessage<?> message, TrackingToken token) {
        public long position() {
            return token.position().orElseThrow();
        }

        public UUID id() {
            return UUID.fromString(message.getIdentifier());
        }
    }

    /** {@code payload} at the next position of the store. */
    public static Stored stored(Object payload) {
        return at(POSITIONS.incrementAndGet(), payload);
    }

    /** {@code payload} at {@code position}: an event appended before or after others than the order it is handled in. */
    public static Stored at(long position, Object payload) {
        return new Stored(payload, new GenericDomainEventMessage<>("Athlete", UUID.randomUUID().toString(), 0, payload),
                new GlobalSequenceTrackingToken(position));
    }

    /** A position no test has taken yet, with room for {@code count} below it. */
    public static long nextPositions(int count) {
        return POSITIONS.addAndGet(count);
    }

    public static SetLoggedEvent set(AthleteId athlete, String exercise, Load load, Instant performedAt) {
        return set(athlete, exercise, load, PainReport.NONE, performedAt);
    }

    public static SetLoggedEvent set(AthleteId athlete, String exercise, Load load, PainReport pain, Instant performedAt) {
        return new SetLoggedEvent(athlete, new SetId(UUID.randomUUID()), new Exercise(exercise), load, new Reps(5), null,
                performedAt, pain, List.of(), null);
    }

    public static CueAssignedEvent cue(AthleteId athlete, String text, Instant assignedAt) {
        return new CueAssignedEvent(athlete, new CoachId(UUID.randomUUID()), new CueId(UUID.randomUUID()), text,
                Exercise.DEADLIFT, null, null, null, assignedAt);
    }
}
