package dev.hinge.platform.pages;

import dev.hinge.kernel.account.Role;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A browser's session: the same JWT the API issues, in an HttpOnly, SameSite=Strict cookie (Secure when the page came
 * over HTTPS, directly or through a proxy that says so). Its path is the service's section ({@code /athlete} or
 * {@code /coach}): browsers keep cookies per host, not per port, so an athlete and a coach signed in on one machine
 * (or behind one proxy) never overwrite each other's session, and the API never sees the cookie.
 */
public final class PageSession {
    public static final String COOKIE = "hinge_session";

    private PageSession() {
    }

    /** The section of this service's pages: {@code athlete} or {@code coach}. */
    public static String section(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    public static void open(ServerWebExchange exchange, Role role, String token, Instant expiresAt) {
        exchange.getResponse().addCookie(cookie(exchange, role, token)
                .maxAge(Duration.between(Instant.now(), expiresAt).toSeconds()).build());
    }

    public static void close(ServerWebExchange exchange, Role role) {
        exchange.getResponse().addCookie(cookie(exchange, role, "").maxAge(0).build());
    }

    /** The token the browser sent, if any. */
    public static String token(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    private static ResponseCookie.ResponseCookieBuilder cookie(ServerWebExchange exchange, Role role, String value) {
        return ResponseCookie.from(COOKIE, value).path("/" + section(role)).httpOnly(true).sameSite("Strict")
                .secure(secure(exchange));
    }

    /** Whether the browser reached us over HTTPS (Spring applies X-Forwarded-Proto where forwarded headers are trusted). */
    static boolean secure(ServerWebExchange exchange) {
        return "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
    }
}
