package dev.hinge.platform.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins are limited per account (email) and per client address with token buckets (Bucket4j): an attempt
 * takes a token from both before the password is checked (so concurrent guesses cannot slip past), a correct
 * password gives them back. Defaults: 5 failures per email, refilled one every 12 s; 30 per address, one every 2 s
 * ({@code hinge.login.*}). An account's refusals cost its address nothing, so one locked account does not lock
 * the others behind the same address.
 * <p>
 * The buckets live in this instance's memory: with N instances behind a balancer an attacker gets up to N times
 * the allowance, and a restart forgets them. The maps are bounded: when one holds {@value #MAX_BUCKETS} buckets,
 * the full ones (which remember nothing) are dropped, and if that is not enough, all of them.
 */
@Component
public class LoginThrottle {
    static final int MAX_BUCKETS = 100_000;

    private final LoginProperties properties;
    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(LoginProperties properties) {
        this.properties = properties;
    }

    /** What a login attempt may do: go ahead ({@link Allowed}) or not yet ({@link Refused}). */
    public sealed interface Outcome permits Allowed, Refused {
    }

    /** Holds a token of each bucket: a failure keeps them taken, {@link #succeeded()} gives them back. */
    public static final class Allowed implements Outcome {
        private final Runnable refund;

        private Allowed(Runnable refund) {
            this.refund = refund;
        }

        /** The password was right: the attempt does not count as a failure. */
        public void succeeded() {
            refund.run();
        }
    }

    /** Refused: the earliest time worth trying again. */
    public record Refused(Duration retryAfter) implements Outcome {
    }

    /** Takes one attempt for {@code account} from the request's client address. */
    public Outcome attempt(String account, ServerHttpRequest request) {
        Bucket address = bucket(addresses, clientAddress(request), properties.address());
        ConsumptionProbe byAddress = address.tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            return new Refused(wait(byAddress));
        }
        Bucket byEmail = bucket(accounts, account, properties.account());
        ConsumptionProbe probe = byEmail.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            address.addTokens(1);
            return new Refused(wait(probe));
        }
        return new Allowed(() -> {
            byEmail.addTokens(1);
            address.addTokens(1);
        });
    }

    /** The socket's remote address, or with {@code trust-forwarded-for} the last {@code X-Forwarded-For} entry. */
    String clientAddress(ServerHttpRequest request) {
        if (properties.trustForwardedFor()) {
            Optional<String> forwarded = Optional.ofNullable(request.getHeaders().get("X-Forwarded-For"))
                    .filter(values -> !values.isEmpty())
                    .map(values -> values.get(values.size() - 1))
                    .map(value -> value.substring(value.lastIndexOf(',') + 1).strip())
                    .filter(value -> !value.isEmpty());
            if (forwarded.isPresent()) {
                return forwarded.get();
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static Duration wait(ConsumptionProbe probe) {
        return Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, LoginProperties.Limit limit) {
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= limit.attempts());
            if (buckets.size() >= MAX_BUCKETS) {
                buckets.clear();
            }
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.period()).build())
                .build());
    }
}
