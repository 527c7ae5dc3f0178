package dev.hinge.platform.web;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Blocking work (JDBC, password hashing, synchronous command handling) runs off the Netty event loop, and so does
 * reading a request into kernel values: a route that takes numbers validates inside {@link #defer}.
 */
public final class Blocking {
    private Blocking() {
    }

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    /** The answer {@code handling} builds, with {@code handling} itself (validation included) run off the event loop. */
    public static <T> Mono<T> defer(Supplier<Mono<T>> handling) {
        return Mono.defer(handling).subscribeOn(Schedulers.boundedElastic());
    }
}
