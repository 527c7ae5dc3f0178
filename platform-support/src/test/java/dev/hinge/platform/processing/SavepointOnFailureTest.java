package dev.hinge.platform.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The "careful for a while" clock of {@link SavepointOnFailure}: per instance, two minutes long. */
class SavepointOnFailureTest {
    /** A nanosecond clock the test moves; it starts below zero, as {@link System#nanoTime} may. */
    private final AtomicLong nanos = new AtomicLong(-1_000_000_000L);

    private SavepointOnFailure savepoints() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        return new SavepointOnFailure(beans.getBeanProvider(PlatformTransactionManager.class),
                beans.getBeanProvider(GroupAssignment.class), nanos::get);
    }

    @Test
    void notCarefulUntilAFailure() {
        assertThat(savepoints().careful()).isFalse();
    }

    @Test
    void carefulForTwoMinutesAfterAFailureThenNoLonger() {
        SavepointOnFailure savepoints = savepoints();

        savepoints.beCareful();
        nanos.addAndGet(SavepointOnFailure.CAREFUL_FOR.toNanos() - 1);
        assertThat(savepoints.careful()).isTrue();

        nanos.incrementAndGet();
        assertThat(savepoints.careful()).isFalse();
    }

    @Test
    void twoInstancesDoNotShareTheClock() {
        SavepointOnFailure athleteContext = savepoints();
        SavepointOnFailure coachContext = savepoints();

        athleteContext.beCareful();

        assertThat(athleteContext.careful()).isTrue();
        assertThat(coachContext.careful()).isFalse();
    }

    @Test
    void aProjectionHandlerPutsItsOwnInstanceOnTheUnitOfWorkItRunsIn() throws Exception {
        SavepointOnFailure athleteContext = savepoints();
        SavepointOnFailure coachContext = savepoints();
        Projection projection = new Projection();

        handle(athleteContext, projection, "an event");
        assertThat(projection.seen).containsSame(athleteContext);
        handle(coachContext, projection, "an event");
        assertThat(projection.seen).containsSame(coachContext);
    }

    @Test
    void aFailingProjectionHandlerMakesOnlyItsOwnInstanceCareful() {
        SavepointOnFailure athleteContext = savepoints();
        SavepointOnFailure coachContext = savepoints();

        assertThatThrownBy(() -> handle(athleteContext, new Projection(), "poison")).hasMessage("disk says no");

        assertThat(athleteContext.careful()).isTrue();
        assertThat(coachContext.careful()).isFalse();
    }

    @Test
    void aUnitOfWorkWithoutAProjectionHandlerHasNoInstance() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        try {
            assertThat(SavepointOnFailure.of(unitOfWork)).isEmpty();
        } finally {
            unitOfWork.rollback();
        }
    }

    /** {@code event} handled by the projection's handler as {@code savepoints} wraps it, in a unit of work of its own. */
    private static void handle(SavepointOnFailure savepoints, Projection projection, String event) throws Exception {
        MessageHandlingMember<? super Projection> handler = savepoints.wrapHandler(
                AnnotatedHandlerInspector.inspectType(Projection.class).getHandlers(Projection.class).findFirst().orElseThrow());
        EventMessage<String> message = GenericEventMessage.asEventMessage(event);
        DefaultUnitOfWork<EventMessage<String>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            handler.handle(message, projection);
        } finally {
            unitOfWork.rollback();
        }
    }

    @ProcessingGroup("test.read-models")
    static final class Projection {
        Optional<SavepointOnFailure> seen = Optional.empty();

        @EventHandler
        void on(String event) {
            seen = SavepointOnFailure.of(CurrentUnitOfWork.get());
            if (event.equals("poison")) {
                throw new IllegalStateException("disk says no");
            }
        }
    }
}
