package dev.hinge.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How many failed logins are allowed before a 429 (see {@link LoginThrottle}).
 *
 * @param account           per email: {@code attempts} failures, refilled evenly over {@code period}
 * @param address           per client address, the same way, across all emails
 * @param trustForwardedFor take the client address from the last {@code X-Forwarded-For} entry (the one the proxy in
 *                          front added) instead of the socket's; only behind a proxy that sets it
 */
@ConfigurationProperties("hinge.login")
public record LoginProperties(Limit account, Limit address, boolean trustForwardedFor) {
    public record Limit(int attempts, Duration period) {
    }
}
