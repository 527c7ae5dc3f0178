package dev.hinge.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.problem.ProblemAdvice;
import dev.hinge.platform.web.Blocking;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} on a POST: the first request with a key is carried out and its answer kept; a repeat
 * with the same key and body gets that answer again and appends nothing; the same key with another body is a
 * 422. A key whose first request is still running is a 409 (retry later). A failed first request keeps nothing.
 */
@Component
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** A claim older than this without an answer is taken to belong to a crashed request. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public Idempotency(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code action} at most once per caller and key. {@code caller} scopes keys (the account id, or the
     * email for the unauthenticated auth routes); {@code route} and {@code request} make up the body hash.
     */
    public Mono<ResponseEntity<?>> execute(String caller, String key, String route, Object request,
                                           Supplier<Mono<? extends ResponseEntity<?>>> action) {
        if (key == null) {
            return Mono.defer(action);
        }
        if (!KEY.matcher(key).matches()) {
            return Mono.error(InvalidRequestException.of(HEADER, "must be 1 to 255 visible ASCII characters"));
        }
        String hash = hash(route, request);
        return Blocking.call(() -> claim(caller, key, hash)).flatMap(previous -> {
            if (previous.isPresent()) {
                return Mono.just(replay(previous.get(), hash));
            }
            return Mono.defer(action)
                    .flatMap(response -> Blocking.call(() -> keep(caller, key, response)))
                    .onErrorResume(error -> Blocking.call(() -> release(caller, key)).then(Mono.error(error)));
        });
    }

    /** Empty when this request now owns the key; otherwise what is kept for it. */
    private Optional<Kept> claim(String scope, String key, String hash) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into idempotent_request (scope, idem_key, request_hash, created_at) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(scope, key, hash, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        Kept kept = jdbc.sql("select request_hash, status, response, created_at from idempotent_request where scope = ? and idem_key = ?")
                .params(scope, key)
                .query((rs, n) -> new Kept(rs.getString(1), (Integer) rs.getObject(2), rs.getBytes(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .single();
        if (kept.status() == null && kept.createdAt().isBefore(now.minus(ABANDONED_AFTER)) && kept.hash().equals(hash)) {
            int taken = jdbc.sql("update idempotent_request set created_at = ? where scope = ? and idem_key = ? and status is null and created_at = ?")
                    .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), scope, key,
                            OffsetDateTime.ofInstant(kept.createdAt(), ZoneOffset.UTC)).update();
            if (taken == 1) {
                return Optional.empty();
            }
        }
        return Optional.of(kept);
    }

    private ResponseEntity<?> replay(Kept kept, String hash) {
        if (!kept.hash().equals(hash)) {
            return ProblemAdvice.problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "Idempotency key reused", "This Idempotency-Key was used with a different request");
        }
        if (kept.status() == null) {
            return ProblemAdvice.problem(HttpStatus.CONFLICT, "idempotency-key-in-progress",
                    "Request in progress", "A request with this Idempotency-Key is still being processed; retry shortly");
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(kept.status());
        return kept.response() == null ? builder.build()
                : builder.contentType(MediaType.APPLICATION_JSON).body(kept.response());
    }

    private ResponseEntity<?> keep(String scope, String key, ResponseEntity<?> response) throws JsonProcessingException {
        byte[] body = response.getBody() == null ? null : json.writeValueAsBytes(response.getBody());
        jdbc.sql("update idempotent_request set status = ?, response = ? where scope = ? and idem_key = ?")
                .params(response.getStatusCode().value(), body, scope, key).update();
        return response;
    }

    private Object release(String scope, String key) {
        return jdbc.sql("delete from idempotent_request where scope = ? and idem_key = ? and status is null")
                .params(scope, key).update();
    }

    private String hash(String route, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(route.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An id for a thing created under an idempotency key, the same on every repeat. */
    public static UUID derivedId(String caller, String key, String kind) {
        return UUID.nameUUIDFromBytes((caller + '\n' + key + '\n' + kind).getBytes(StandardCharsets.UTF_8));
    }

    private record Kept(String hash, Integer status, byte[] response, Instant createdAt) {
    }
}
