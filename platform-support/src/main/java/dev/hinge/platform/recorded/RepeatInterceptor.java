package dev.hinge.platform.recorded;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Optional;

/**
 * A command that repeats an id its aggregate already recorded something under answers what was recorded the first
 * time, read back from the store ({@link RecordedIds}), and appends nothing: the aggregate is not even loaded. Ids
 * arrive on the commands (the client's, or derived from its Idempotency-Key), so a retried request finds its first
 * answer here. Each service says which commands carry such an id and how a repeat is answered ({@link #firstAnswer});
 * registered on the command bus as a bean.
 */
public abstract class RepeatInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {
    protected final RecordedIds recorded;

    protected RepeatInterceptor(RecordedIds recorded) {
        this.recorded = recorded;
    }

    @Override
    public final Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Optional<?> first = firstAnswer(unitOfWork.getMessage().getPayload());
        return first.isPresent() ? first.get() : chain.proceed();
    }

    /**
     * What the command handler answered when {@code command}'s id was first recorded; empty for an id not recorded
     * yet, and for a command that carries no such id (it goes on to its handler).
     */
    protected abstract Optional<?> firstAnswer(Object command);
}
