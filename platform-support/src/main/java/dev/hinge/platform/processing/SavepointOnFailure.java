package dev.hinge.platform.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A projection that fails on a SQL error leaves PostgreSQL's transaction aborted, so the dead-letter queue could not
 * write the letter in it and the whole batch would fail for ever. After any projection failure, for a while, each
 * projection handler runs in a savepoint (a nested transaction) that is rolled back when it fails: the batch's
 * transaction stays usable and the event is dead-lettered in it. The first failure's batch rolls back and the
 * processor retries it (about a second later), now with savepoints, and with the rows that {@code BatchedInserts}
 * holds until commit written inside each handler instead. In normal running no savepoint is taken (two more round
 * trips per handler would slow a replay several-fold).
 */
@Component
public class SavepointOnFailure implements HandlerEnhancerDefinition {
    static final Duration CAREFUL_FOR = Duration.ofMinutes(2);
    private static final AtomicLong carefulUntil = new AtomicLong();

    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final ObjectProvider<GroupAssignment> assignments;

    public SavepointOnFailure(ObjectProvider<PlatformTransactionManager> transactions,
                              ObjectProvider<GroupAssignment> assignments) {
        this.transactions = transactions;
        this.assignments = assignments;
    }

    /** From now on for a while, projection handlers run in savepoints (an operator's retry calls this first). */
    public static void beCareful() {
        carefulUntil.set(System.nanoTime() + CAREFUL_FOR.toNanos());
    }

    /** Whether projection handlers now run in savepoints and write their rows at once. */
    public static boolean careful() {
        return System.nanoTime() - carefulUntil.get() < 0;
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
