package dev.hinge.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.hinge.kernel.common.DomainException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place where refusals become RFC 9457 problem details. Codes, never messages, decide the status;
 * bad input is always a 400 that names the field.
 */
@RestControllerAdvice
public class ProblemAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return validation(e.errors());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        return switch (e.code()) {
            case INVALID_VALUE -> validation(List.of(new FieldError(e.field() == null ? "body" : e.field(), e.getMessage())));
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
            case CONFLICT -> problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
            case RULE_VIOLATED -> problem(HttpStatus.UNPROCESSABLE_ENTITY, "rule-violated", "Refused by a rule", e.getMessage());
        };
    }

    /** A command for an aggregate that does not exist (an unknown athlete or relationship). */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> missingAggregate(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource");
    }

    /** Two writers raced for the same aggregate; the loser may simply retry. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change", "Another change to the same resource won; retry");
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        if (e instanceof MissingRequestValueException missing) {
            return validation(List.of(new FieldError(missing.getName(), "is required")));
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JsonProcessingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return validation(List.of(new FieldError(path(mapping), reason(mapping))));
        }
        if (cause instanceof JsonProcessingException) {
            return validation(List.of(new FieldError("body", "is not well-formed JSON")));
        }
        if (e.getCause() instanceof DecodingException || e.getReason() != null && e.getReason().contains("body")) {
            return validation(List.of(new FieldError("body", "is required and must be a JSON object")));
        }
        String parameter = e.getMethodParameter() == null ? "request" : e.getMethodParameter().getParameterName();
        return validation(List.of(new FieldError(parameter, "is not valid")));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        ResponseEntity<ProblemDetail> problem = problem(status, "http-" + status.value(), status.getReasonPhrase(), e.getReason());
        // the headers the exception carries (Retry-After with a 429), and problem+json even to a client that asked
        // for an event stream
        return ResponseEntity.status(status).headers(e.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed; nothing was recorded if no answer said so.");
    }

    public static ResponseEntity<ProblemDetail> validation(List<FieldError> errors) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")));
        response.getBody().setProperty("errors", errors);
        return response;
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:hinge:problem:" + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException mismatched
                && mismatched.getTargetType() != null) {
            Class<?> target = ((MismatchedInputException) e).getTargetType();
            return "must be " + describe(target);
        }
        return "is not valid";
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "of another type";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(target)) {
            return "a number";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2026-11-02T18:00:00Z";
        }
        if (target == java.util.UUID.class) {
            return "a UUID";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        return "an object";
    }
}
