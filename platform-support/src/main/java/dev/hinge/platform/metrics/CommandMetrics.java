package dev.hinge.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code hinge.commands{command, outcome, exception}}: a timer per command type on the command bus, so its count is
 * the command rate and {@code outcome="failure"} (with the exception's simple name) the refusals and errors. One
 * monitor on the bus, not Axon's micrometer module, which would also time every event each processor handles.
 */
@Configuration(proxyBeanMethods = false)
public class CommandMetrics {
    static final String COMMANDS = "hinge.commands";

    @Bean
    ConfigurerModule commandMonitor(ObjectProvider<MeterRegistry> registry) {
        return configurer -> configurer.configureMessageMonitor(CommandBus.class,
                config -> registry.getIfAvailable() == null ? NoOpMessageMonitor.INSTANCE : timing(registry.getObject()));
    }

    static MessageMonitor<Message<?>> timing(MeterRegistry registry) {
        return message -> {
            Timer.Sample sample = Timer.start(registry);
            String command = message.getPayloadType().getSimpleName();
            return new MessageMonitor.MonitorCallback() {
                @Override
                public void reportSuccess() {
                    stop("success", "none");
                }

                @Override
                public void reportFailure(Throwable cause) {
                    stop("failure", cause == null ? "unknown" : cause.getClass().getSimpleName());
                }

                @Override
                public void reportIgnored() {
                    stop("ignored", "none");
                }

                private void stop(String outcome, String exception) {
                    sample.stop(Timer.builder(COMMANDS)
                            .description("Commands handled, by type and outcome")
                            .tag("command", command)
                            .tag("outcome", outcome)
                            .tag("exception", exception)
                            .register(registry));
                }
            };
        };
    }
}
