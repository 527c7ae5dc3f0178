package dev.hinge.platform.pages;

import dev.hinge.kernel.common.DomainException;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.security.HingeProperties;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * A page's refusals are pages: an athlete who has not granted this coach is "Not found" in HTML, as the API's 404 is
 * in problem+json; what the API would name a field for, a page controller shows beside the field itself (this is
 * only the last resort for what it did not catch).
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {
    private final String section;

    PageProblems(HingeProperties properties) {
        this.section = PageSession.section(properties.role());
    }

    @ExceptionHandler(DomainException.class)
    Rendering domain(DomainException e, ServerWebExchange exchange) {
        return switch (e.code()) {
            case NOT_FOUND -> page(exchange, HttpStatus.NOT_FOUND, "There is nothing here, or it is not yours to see.");
            case CONFLICT -> page(exchange, HttpStatus.CONFLICT, e.getMessage());
            case INVALID_VALUE -> page(exchange, HttpStatus.BAD_REQUEST, e.getMessage());
        };
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    Rendering missing(AggregateNotFoundException e, ServerWebExchange exchange) {
        return page(exchange, HttpStatus.NOT_FOUND, "There is nothing here, or it is not yours to see.");
    }

    @ExceptionHandler(InvalidRequestException.class)
    Rendering invalid(InvalidRequestException e, ServerWebExchange exchange) {
        return page(exchange, HttpStatus.BAD_REQUEST, String.join("; ", PageErrors.of(e).entrySet().stream()
                .map(error -> error.getKey() + " " + error.getValue()).toList()));
    }

    @ExceptionHandler(ResponseStatusException.class)
    Rendering status(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatusCode status = e.getStatusCode();
        return page(exchange, status, e.getReason() == null ? "This request could not be answered." : e.getReason());
    }

    private Rendering page(ServerWebExchange exchange, HttpStatusCode status, String message) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return Rendering.view("page-error").status(status)
                .modelAttribute("section", section)
                .modelAttribute("signedIn", exchange.getPrincipal().map(principal -> true).defaultIfEmpty(false))
                .modelAttribute("heading", known == null ? "Error" : known.getReasonPhrase())
                .modelAttribute("message", message).build();
    }
}
