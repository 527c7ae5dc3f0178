package dev.hinge.platform.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Map;

/**
 * How event handlers are run: every processing group is a tracking processor that handles events in batches (one
 * transaction each), keeps its position in {@code token_entry}, and is sequenced per athlete
 * ({@link PerAthleteSequencingPolicy}). Measured with benchmarks/run, pooled streaming processors delivered new events
 * in bursts, tracking processors as they arrive. A handler's failure is not swallowed: it reaches the group's
 * dead-letter queue ({@link DeadLetterConfiguration}).
 * <p>
 * A group listed in {@code hinge.event-processing.segments[<group>]=N} is split into N segments by athlete, each with
 * its own thread, so one thread's handling overlaps another's database round trip. Only for groups whose read models
 * do not depend on the order of events of different athletes; the count applies when the group's tokens are first
 * created (a new database, or a rebuild after its tokens were removed).
 * <p>
 * A handler class that both services instantiate joins the group each service names for it ({@link GroupAssignment}).
 */
@Configuration(proxyBeanMethods = false)
public class TrackingProcessorConfiguration {

    /** The processors' positions, in the schema's snake_case ({@code V1__event_store.sql}). */
    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public ConfigurerModule trackingProcessors(@Value("${hinge.event-processing.batch-size}") int batchSize,
                                               Environment environment, ListableBeanFactory beans) {
        Map<String, Integer> segments = Binder.get(environment)
                .bind("hinge.event-processing.segments", Bindable.mapOf(String.class, Integer.class)).orElse(Map.of());
        return configurer -> configurer.eventProcessing(processing -> {
            processing.usingTrackingEventProcessors()
                    .registerTrackingEventProcessorConfiguration(config ->
                            TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize))
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                    .registerDefaultSequencingPolicy(config -> PerAthleteSequencingPolicy.INSTANCE);
            segments.forEach((group, count) -> processing.registerTrackingEventProcessorConfiguration(group, config ->
                    TrackingEventProcessorConfiguration.forParallelProcessing(count).andInitialSegmentsCount(count)
                            .andBatchSize(batchSize)));
            beans.getBeansOfType(GroupAssignment.class).values().forEach(assignment ->
                    processing.assignHandlerTypesMatching(assignment.group(), assignment.handlerTypes()::contains));
        });
    }
}
