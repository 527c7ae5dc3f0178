package dev.hinge.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.problem.ProblemAdvice;
import dev.hinge.platform.security.HingeProperties;
import dev.hinge.platform.web.Blocking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on a POST: the first request with a key is carried out and its answer kept; a repeat
 * with the same key and body gets that answer again and appends nothing; the same key with another body is a
 * 422. A key whose first request is still running is a 409 (retry later). A failed first request keeps nothing.
 * <ul>
 * <li>A key belongs to one service, one route and one caller: its scope is a SHA-256 of the three (64 hex
 * characters, whatever the length of an email).</li>
 * <li>Keys live {@value #LIFETIME_HOURS} hours: an older one is ignored (the key may be used afresh) and deleted
 * by the next request that claims a key once {@code hinge.idempotency.cleanup-every} (default 10 minutes) has
 * passed since the last clean-up.</li>
 * <li>A claim is released as soon as its request is known to be gone: when it fails, when the client goes away
 * (cancelled), or when the process that claimed it is no longer running. Each process start has its own owner id;
 * a claim of another owner older than {@code hinge.idempotency.claim-timeout} (default 30 s, longer than any
 * request runs) is taken to belong to a process that died and is taken over.</li>
 * </ul>
 * What is kept must not be a secret: callers pass a fingerprint without passwords and answers without tokens
 * (see the registration).
 */
@Component
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    static final int LIFETIME_HOURS = 24;
    private static final Logger log = LoggerFactory.getLogger(Idempotency.class);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Duration LIFETIME = Duration.ofHours(LIFETIME_HOURS);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final String service;
    private final Duration claimTimeout;
    private final Duration cleanupEvery;
    /** This process start: claims it makes carry it, so another process can tell them from its own. */
    private final String owner = UUID.randomUUID().toString();
    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

    public Idempotency(JdbcClient jdbc, ObjectMapper json, Clock clock, HingeProperties properties,
                       @Value("${hinge.idempotency.claim-timeout:PT30S}") Duration claimTimeout,
                       @Value("${hinge.idempotency.cleanup-every:PT10M}") Duration cleanupEvery) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.service = properties.role().name();
        this.claimTimeout = claimTimeout;
        this.cleanupEvery = cleanupEvery;
    }

    /**
     * Runs {@code action} at most once per caller, route and key. {@code caller} is the account id, or the email for
     * the unauthenticated auth routes; {@code fingerprint} is what a repeat must equal (its JSON is hashed).
     */
    public Mono<ResponseEntity<?>> execute(String caller, String key, String route, Object fingerprint,
                                           Supplier<Mono<? extends ResponseEntity<?>>> action) {
        return execute(caller, key, route, fingerprint, action, kept -> Mono.just(kept));
    }

    /**
     * As above; {@code replayed} turns a kept answer (its status and JSON body) into the repeat's answer, for an
     * answer that holds something never kept (a fresh token).
     */
    public Mono<ResponseEntity<?>> execute(String caller, String key, String route, Object fingerprint,
                                           Supplier<Mono<? extends ResponseEntity<?>>> action,
                                           Function<ResponseEntity<byte[]>, Mono<? extends ResponseEntity<?>>> replayed) {
        if (key == null) {
            return Mono.defer(action);
        }
        if (!KEY.matcher(key).matches()) {
            return Mono.error(InvalidRequestException.of(HEADER, "must be 1 to 255 visible ASCII characters"));
        }
        String scope = sha256(service + '\n' + route + '\n' + caller);
        String hash = hash(fingerprint);
        return Blocking.call(() -> claim(scope, key, hash)).flatMap(previous -> {
            if (previous.isPresent()) {
                Kept kept = previous.get();
                if (!kept.hash().equals(hash)) {
                    return Mono.just(reused());
                }
                if (kept.status() == null) {
                    return Mono.just(ProblemAdvice.problem(HttpStatus.CONFLICT, "idempotency-key-in-progress",
                            "Request in progress", "A request with this Idempotency-Key is still being processed; retry shortly"));
                }
                ResponseEntity.BodyBuilder builder = ResponseEntity.status(kept.status());
                return kept.response() == null ? Mono.just(builder.build())
                        : replayed.apply(builder.contentType(MediaType.APPLICATION_JSON).body(kept.response()));
            }
            return Mono.defer(action)
                    .flatMap(response -> Blocking.call(() -> keep(scope, key, response)))
                    .onErrorResume(error -> Blocking.call(() -> release(scope, key)).then(Mono.error(error)))
                    .doOnCancel(() -> Blocking.call(() -> release(scope, key)).subscribe(released -> {
                    }, error -> log.warn("Could not release the Idempotency-Key claim of a cancelled request", error)));
        });
    }

    /** The answer to a key sent again with a different request. */
    public static ResponseEntity<?> reused() {
        return ProblemAdvice.problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency key reused", "This Idempotency-Key was used with a different request");
    }

    /** Empty when this request now owns the key; otherwise what is kept for it. */
    private Optional<Kept> claim(String scope, String key, String hash) {
        Instant now = clock.instant();
        cleanUpNowAndThen(now);
        while (true) {
            int inserted = jdbc.sql("""
                            insert into idempotent_request (scope, idem_key, request_hash, created_at, owner) values (?, ?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(scope, key, hash, at(now), owner).update();
            if (inserted == 1) {
                return Optional.empty();
            }
            Optional<Kept> found = jdbc.sql("""
                            select request_hash, status, response, created_at, owner from idempotent_request
                            where scope = ? and idem_key = ?""")
                    .params(scope, key)
                    .query((rs, n) -> new Kept(rs.getString(1), (Integer) rs.getObject(2), rs.getBytes(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                    .optional();
            if (found.isEmpty()) {
                continue; // released or cleaned up between the two statements: claim it afresh
            }
            Kept kept = found.get();
            boolean expired = kept.createdAt().isBefore(now.minus(LIFETIME));
            boolean abandoned = kept.status() == null && !owner.equals(kept.owner())
                    && kept.createdAt().isBefore(now.minus(claimTimeout));
            if (!expired && !abandoned) {
                return Optional.of(kept);
            }
            int taken = jdbc.sql("""
                            update idempotent_request set request_hash = ?, status = null, response = null, created_at = ?,
                            owner = ? where scope = ? and idem_key = ? and created_at = ?""")
                    .params(hash, at(now), owner, scope, key, at(kept.createdAt())).update();
            if (taken == 1) {
                return Optional.empty();
            }
        }
    }

    private void cleanUpNowAndThen(Instant now) {
        Instant last = lastCleanup.get();
        if (!last.isAfter(now.minus(cleanupEvery)) && lastCleanup.compareAndSet(last, now)) {
            int deleted = jdbc.sql("delete from idempotent_request where created_at < ?").params(at(now.minus(LIFETIME))).update();
            if (deleted > 0) {
                log.info("Deleted {} Idempotency-Keys older than {} hours", deleted, LIFETIME_HOURS);
            }
        }
    }

    private ResponseEntity<?> keep(String scope, String key, ResponseEntity<?> response) throws JsonProcessingException {
        byte[] body = response.getBody() == null ? null : json.writeValueAsBytes(response.getBody());
        jdbc.sql("update idempotent_request set status = ?, response = ? where scope = ? and idem_key = ? and owner = ?")
                .params(response.getStatusCode().value(), body, scope, key, owner).update();
        return response;
    }

    private int release(String scope, String key) {
        return jdbc.sql("delete from idempotent_request where scope = ? and idem_key = ? and status is null and owner = ?")
                .params(scope, key, owner).update();
    }

    private String hash(Object fingerprint) {
        try {
            return sha256(json.writeValueAsString(fingerprint));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** An id for a thing created under an idempotency key, the same on every repeat. */
    public static UUID derivedId(String caller, String key, String kind) {
        return UUID.nameUUIDFromBytes((caller + '\n' + key + '\n' + kind).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The id of a thing a caller records: the client's own if it sent one; else one derived from the idempotency key
     * (the same on every repeat); else a new one.
     */
    public static UUID idFor(UUID given, UUID caller, String key, String kind) {
        if (given != null) {
            return given;
        }
        return key == null ? UUID.randomUUID() : derivedId(caller.toString(), key, kind);
    }

    private record Kept(String hash, Integer status, byte[] response, Instant createdAt, String owner) {
    }
}
