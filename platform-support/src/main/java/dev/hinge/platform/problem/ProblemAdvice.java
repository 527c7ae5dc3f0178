package dev.hinge.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.platform.processing.SequenceParkedException;
import dev.hinge.platform.web.BodyDeadline;
import dev.hinge.platform.json.StrictJsonConfiguration;
import io.netty.channel.ChannelException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
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

    @ExceptionHandler(FieldRefusedException.class)
    ResponseEntity<ProblemDetail> refused(FieldRefusedException e) {
        ResponseEntity<ProblemDetail> response = problem(e.status(), e.type(), e.status().getReasonPhrase(),
                e.error().field() + " " + e.error().message());
        response.getBody().setProperty("errors", List.of(e.error()));
        return response;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        return switch (e.code()) {
            case INVALID_VALUE -> validation(List.of(new FieldError(e.field() == null ? "body" : e.field(), e.getMessage())));
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
            case CONFLICT -> problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
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

    /** One of the athlete's events is parked in a dead-letter queue: the view would be stale, so none is given. */
    @ExceptionHandler(SequenceParkedException.class)
    ResponseEntity<ProblemDetail> parked(SequenceParkedException e) {
        return retryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", "Temporarily unavailable",
                e.getMessage()), SequenceParkedException.RETRY_AFTER.toSeconds());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        if (e instanceof MissingRequestValueException missing) {
            return validation(List.of(new FieldError(missing.getName(), "is required")));
        }
        if (cause(e, CharacterCodingException.class) != null) {
            return validation(List.of(new FieldError("body", "is not valid UTF-8")));
        }
        JsonProcessingException json = cause(e, JsonProcessingException.class);
        if (json != null) {
            String field = path(json);
            return validation(List.of(new FieldError(field.isEmpty() ? "body" : field, reason(json))));
        }
        if (e.getCause() instanceof DecodingException || e.getMethodParameter() != null
                && e.getMethodParameter().hasParameterAnnotation(RequestBody.class)) {
            return validation(List.of(new FieldError("body", "is required and must be a JSON object")));
        }
        String parameter = e.getMethodParameter() == null ? "request" : e.getMethodParameter().getParameterName();
        return validation(List.of(new FieldError(parameter, "is not valid")));
    }

    /** A body in a format the route does not read: say which it reads, never which class would have read it. */
    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(UnsupportedMediaTypeStatusException e) {
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                .collect(Collectors.joining(", "));
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
                supported.isEmpty() ? "This route takes no body of this type"
                        : "This route takes a body of type " + supported);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        // a server error's reason names the method or class that failed: never shown
        ResponseEntity<ProblemDetail> problem = problem(status, "http-" + status.value(), status.getReasonPhrase(),
                status.is5xxServerError() || e.getReason() == null ? status.getReasonPhrase() : e.getReason());
        // the headers the exception carries (Retry-After with a 429), and problem+json even to a client that asked
        // for an event stream
        return ResponseEntity.status(status).headers(e.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }

    /**
     * The client stopped sending its body (hinge.server.read-timeout; reactor-netty's request timeout is a
     * {@code ChannelException} of its own; {@link BodyDeadline} cuts shorter ones): the connection closes, and this answer is for the log and the metrics.
     */
    @ExceptionHandler({ReadTimeoutException.class, ChannelException.class, BodyDeadline.BodyDeadlineException.class})
    ResponseEntity<ProblemDetail> timedOut(Exception e) {
        log.debug("A request body was not sent in time", e);
        return problem(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request Timeout",
                "The request's body did not arrive in time; nothing was recorded");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return DatabaseUnavailable.problem(e);
        }
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

    /** A problem answer: {@code application/problem+json} whatever the client accepts (an event stream too). */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:hinge:problem:" + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** {@code problem} telling the client how many seconds to wait before trying again. */
    public static ResponseEntity<ProblemDetail> retryAfter(ResponseEntity<ProblemDetail> problem, long seconds) {
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem.getBody());
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /**
     * The field as the client spelled it ({@code load.value}, {@code checklist[2]}): from the binding path, or for a
     * token the parser refused (a key given twice, a number too long) from where the parser was; empty for the body.
     */
    private static String path(JsonProcessingException e) {
        boolean refusedByTheParser = cause(e, JsonParseException.class) != null
                || cause(e, StreamConstraintsException.class) != null;
        if (!refusedByTheParser && e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json && json.getProcessor() instanceof JsonParser parser) {
                return path(parser.getParsingContext());
            }
        }
        return e instanceof JsonMappingException mapping ? path(mapping) : "";
    }

    private static String path(JsonStreamContext where) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext context = where; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.add(0, "." + context.getCurrentName());
            } else if (context.inArray()) {
                parts.add(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
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

    private static String reason(JsonProcessingException e) {
        if (cause(e, StreamConstraintsException.class) != null) {
            return "is longer than this service reads (numbers: at most "
                    + StrictJsonConfiguration.LIMITS.getMaxNumberLength() + " characters)";
        }
        JsonParseException parse = cause(e, JsonParseException.class);
        if (parse != null) {
            // the parser's own words ("Duplicate field 'reps'", "Unexpected character"), without its source excerpt
            return "is not well-formed JSON: " + parse.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return "has a lone UTF-16 surrogate: not valid Unicode text";
        }
        if (e instanceof InvalidFormatException format && format.getValue() instanceof String text && text.isEmpty()) {
            return "must not be empty";
        }
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
