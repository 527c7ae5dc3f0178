package dev.hinge.platform.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a command from a request without blocking the event loop: the (synchronous) command bus runs the
 * handler and commits its events on a bounded-elastic thread; the answer comes once the events are durable.
 */
@Component
public class Commands {
    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> send(Object command) {
        return Mono.defer(() -> Mono.<R>fromFuture(gateway.send(command))).subscribeOn(Schedulers.boundedElastic());
    }
}
