package dev.hinge.platform.processing;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every processing group has a dead-letter queue ({@code dead_letter_entry}): an event whose handler fails is parked
 * at once, with every later event of the same athlete (the groups are sequenced per athlete), in the same transaction
 * as the group's token, and every other athlete flows on. No in-place retries: a failure that a retry would mend (the
 * database going away) fails the enqueue too, so the batch rolls back and the processor retries it as before; what
 * remains is a poison event, which an operator retries or evicts ({@code /actuator/deadletters}) once it is mended.
 * An event of a payload type this build does not know is parked the same way ({@link UnknownPayloadTypes}). A replay
 * empties the group's queue: every event is handled again, and a poison one parks again.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    @Bean
    public ConfigurerModule deadLetterQueues(ListableBeanFactory beans, ConnectionProvider connectionProvider,
                                             TransactionManager transactionManager, Serializer serializer) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerDefaultDeadLetterPolicy(config -> (letter, cause) -> {
                log.error("Parking event {} ({}) and every later event of its sequence: {}",
                        letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(),
                        cause.toString());
                return Decisions.enqueue(ThrowableCause.truncated(cause));
            });
            for (String group : ProcessingGroups.names(beans)) {
                UnknownPayloadTypes guard = new UnknownPayloadTypes(group);
                // per group: Axon's Spring Boot module replaces any queue provider with its dlq.enabled properties
                processing.registerDeadLetterQueue(group, config -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(group)
                                .connectionProvider(connectionProvider)
                                .transactionManager(transactionManager)
                                .schema(deadLetterSchema())
                                .genericSerializer(serializer)
                                .eventSerializer(serializer)
                                .build())
                        .registerEventHandler(config -> guard)
                        .assignHandlerInstancesMatching(group, Integer.MAX_VALUE, handler -> handler == guard)
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, invoker) -> invoker.allowReset(true));
            }
        });
    }

    /** Axon's dead-letter table, in the schema's snake_case ({@code V4__dead_letters.sql}). */
    static DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
