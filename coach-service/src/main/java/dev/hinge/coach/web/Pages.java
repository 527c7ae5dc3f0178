package dev.hinge.coach.web;

import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.ErrorCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/** What the coach's page handlers answer alike. */
public final class Pages {
    private Pages() {
    }

    /** Whether htmx sent the request (it then swaps the fragment answered into the page). */
    public static boolean htmx(ServerWebExchange exchange) {
        return "true".equals(exchange.getRequest().getHeaders().getFirst("HX-Request"));
    }

    /** Whether {@code failure} means "no such thing for you": an athlete who has not granted this coach access. */
    public static boolean notFound(Throwable failure) {
        return failure instanceof DomainException domain && domain.code() == ErrorCode.NOT_FOUND
                || failure instanceof AggregateNotFoundException;
    }

    /** The 404 page: it says as little as the API's 404 (nothing about whether the athlete exists). */
    public static Rendering notFoundPage() {
        return Rendering.view("coach/not-found").status(HttpStatus.NOT_FOUND).build();
    }
}
