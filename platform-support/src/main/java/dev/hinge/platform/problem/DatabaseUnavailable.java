package dev.hinge.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The database cannot be reached (down, restarting, refusing connections, connections cut): a 503 problem with
 * {@code Retry-After}, not a 500, wherever it surfaces — in a controller (through {@link ProblemAdvice}), or
 * before one, in the security filters that read the account (through this {@link WebExceptionHandler}, ahead of
 * Spring Boot's own). Recognised anywhere in the cause chain, so also inside Axon's exceptions: Spring's
 * connection failures, {@link SQLTransientConnectionException} (the pool timed out waiting for a connection), and
 * SQLState class {@code 08} (connection exception) or {@code 57P01}-{@code 57P03} (the server is shutting down,
 * crashed, or cannot accept connections yet).
 */
@Component
@Order(-2)
public class DatabaseUnavailable implements WebExceptionHandler {
    /** How long a client should wait before retrying: about what a PostgreSQL restart takes. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final ObjectMapper json;

    public DatabaseUnavailable(ObjectMapper json) {
        this.json = json;
    }

    public static boolean causedBy(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = error; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && unreachable(sql.getSQLState())) {
                return true;
            }
            // a rollback that failed on the lost connection hides the failure that started it
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }

    public static ResponseEntity<ProblemDetail> problem(Throwable error) {
        log.warn("The database is unreachable: {}", error.toString());
        return ProblemAdvice.retryAfter(ProblemAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "Service unavailable", "The database cannot be reached right now; nothing was recorded. Retry shortly."),
                RETRY_AFTER_SECONDS);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!causedBy(error) || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ResponseEntity<ProblemDetail> answer = problem(error);
        ProblemDetail body = answer.getBody();
        body.setInstance(URI.create(exchange.getRequest().getPath().value()));
        exchange.getResponse().setStatusCode(answer.getStatusCode());
        exchange.getResponse().getHeaders().addAll(answer.getHeaders());
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (Exception e) {
            return Mono.error(e);
        }
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(bytes)));
    }
}
