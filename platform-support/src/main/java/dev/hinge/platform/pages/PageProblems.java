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
    Rendering domain(DomainException e) {
        return switch (e.code()) {
            case NOT_FOUND -> page(HttpStatus.NOT_FOUND, "There is nothing here, or it is not yours to see.");
            case CONFLICT -> page(HttpStatus.CONFLICT, e.getMessage());
            case INVALID_VALUE -> page(HttpStatus.BAD_REQUEST, e.getMessage());
        };
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    Rendering missing(AggregateNotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "There is nothing here, or it is not yours to see.");
    }

    @ExceptionHandler(InvalidRequestException.class)
    Rendering invalid(InvalidRequestException e) {
        return page(HttpStatus.BAD_REQUEST, String.join("; ", PageErrors.of(e).entrySet().stream()
                .map(error -> error.getKey() + " " + error.getValue()).toList()));
    }

    @ExceptionHandler(ResponseStatusException.class)
    Rendering status(ResponseStatusException e) {
        HttpStatusCode status = e.getStatusCode();
        return page(status, e.getReason() == null ? "This request could not be answered." : e.getReason());
    }

    private Rendering page(HttpStatusCode status, String message) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return Rendering.view("page-error").status(status)
                .modelAttribute("section", section)
                .modelAttribute("heading", known == null ? "Error" : known.getReasonPhrase())
                .modelAttribute("message", message).build();
    }
}
