package dev.hinge.platform.recorded;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatInterceptorTest {
    private static final Recorded<String> NOTE = new Recorded<>("note", String.class, n -> UUID.nameUUIDFromBytes(n.getBytes()));
    private static final UUID SEEN = UUID.randomUUID();

    /** Answers a command naming {@link #SEEN} with what the "store" recorded first; any other goes on. */
    private final RepeatInterceptor repeats = new RepeatInterceptor(new RecordedIds() {
        @Override
        @SuppressWarnings("unchecked")
        public <E> Optional<E> first(Object aggregateId, Recorded<E> kind, UUID id) {
            return id.equals(SEEN) ? Optional.of((E) "recorded the first time") : Optional.empty();
        }
    }) {
        @Override
        protected Optional<?> firstAnswer(Object command) {
            return command instanceof UUID id ? recorded.first("aggregate", NOTE, id) : Optional.empty();
        }
    };

    private final AtomicInteger handled = new AtomicInteger();

    private Object send(Object command) throws Exception {
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
        try {
            return repeats.handle(unitOfWork, () -> {
                handled.incrementAndGet();
                return "handled now";
            });
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void aRepeatedIdIsAnsweredWithWhatWasRecordedFirstAndNeverReachesTheHandler() throws Exception {
        assertThat(send(SEEN)).isEqualTo("recorded the first time");
        assertThat(handled).hasValue(0);
    }

    @Test
    void aNewIdGoesOnToTheHandler() throws Exception {
        assertThat(send(UUID.randomUUID())).isEqualTo("handled now");
        assertThat(handled).hasValue(1);
    }

    @Test
    void aCommandWithoutSuchAnIdGoesOnToTheHandler() throws Exception {
        assertThat(send("no id here")).isEqualTo("handled now");
        assertThat(handled).hasValue(1);
    }
}
