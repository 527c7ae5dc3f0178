package dev.hinge.platform.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A projection that fails on a SQL error leaves PostgreSQL's transaction aborted, so the dead-letter queue could not
 * write the letter in it and the whole batch would fail for ever. After any projection failure, for a while, each
 * projection handler runs in a savepoint (a nested transaction) that is rolled back when it fails: the batch's
 * transaction stays usable and the event is dead-lettered in it. The first failure's batch rolls back and the
 * processor retries it (about a second later), now with savepoints, and with the rows that {@code BatchedInserts}
 * holds until commit written inside each handler instead. In normal running no savepoint is taken (two more round
 * trips per handler would slow a replay several-fold).
 *
 * <p>"For a while" is kept per instance, one per application context: two services in one JVM (the end-to-end tests)
 * each have their own. A projection handler puts its context's instance on the unit of work it runs in, where
 * {@code BatchedInserts} finds it ({@link #of}).
 */
@Component
public class SavepointOnFailure implements HandlerEnhancerDefinition {
    static final Duration CAREFUL_FOR = Duration.ofMinutes(2);
    private static final String RESOURCE = SavepointOnFailure.class.getName();

    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final ObjectProvider<GroupAssignment> assignments;
    private final LongSupplier nanoTime;
    /** Until when (in {@link #nanoTime}) handlers run in savepoints; careful from the start would cost a replay. */
    private final AtomicLong carefulUntil;

    @Autowired
    public SavepointOnFailure(ObjectProvider<PlatformTransactionManager> transactions,
                              ObjectProvider<GroupAssignment> assignments) {
        this(transactions, assignments, System::nanoTime);
    }

    SavepointOnFailure(ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<GroupAssignment> assignments,
                       LongSupplier nanoTime) {
        this.transactions = transactions;
        this.assignments = assignments;
        this.nanoTime = nanoTime;
        this.carefulUntil = new AtomicLong(nanoTime.getAsLong());
    }

    /**
     * The instance whose projection handler runs in {@code unitOfWork}, if one does: a batch of a processor handles
     * its events through one context's handlers.
     */
    public static Optional<SavepointOnFailure> of(UnitOfWork<?> unitOfWork) {
        return Optional.ofNullable(unitOfWork.root().getResource(RESOURCE));
    }

    /** From now on for a while, projection handlers run in savepoints (an operator's retry calls this first). */
    public void beCareful() {
        carefulUntil.set(nanoTime.getAsLong() + CAREFUL_FOR.toNanos());
    }

    /** Whether projection handlers now run in savepoints and write their rows at once. */
    public boolean careful() {
        return nanoTime.getAsLong() - carefulUntil.get() < 0;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projection = original.canHandleMessageType(EventMessage.class)
                && ProcessingGroups.hold(original.declaringClass(), assignments.stream().toList());
        return projection ? new Savepointed<>(original) : original;
    }

    private final class Savepointed<T> extends WrappedMessageHandlingMember<T> {
        Savepointed(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().resources().putIfAbsent(RESOURCE, SavepointOnFailure.this));
            if (!careful() || !TransactionSynchronizationManager.isActualTransactionActive()) {
                try {
                    return super.handle(message, target);
                } catch (Exception | Error e) {
                    beCareful();
                    throw e;
                }
            }
            TransactionTemplate savepoint = new TransactionTemplate(transactions.getObject());
            savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
            try {
                return savepoint.execute(status -> {
                    try {
                        return super.handle(message, target);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new Checked(e);
                    }
                });
            } catch (Checked e) {
                throw (Exception) e.getCause();
            }
        }
    }

    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
