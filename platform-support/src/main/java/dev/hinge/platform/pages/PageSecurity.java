package dev.hinge.platform.pages;

import dev.hinge.kernel.account.Role;
import dev.hinge.platform.security.HingeProperties;
import dev.hinge.platform.security.SecurityConfiguration;
import dev.hinge.platform.security.TokenGenerations;
import dev.hinge.platform.web.Routes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The pages' own chain, ahead of the API's: {@code /}, the section ({@code /athlete/**} or {@code /coach/**}), and the
 * shared static files. Signed in by the page session cookie ({@link PageSession}) holding the same token the API
 * issues, checked the same way (signature, expiry, account and token generation); without one a page answers 303 to
 * the sign-in page (an htmx request gets {@code HX-Redirect} instead). Every form and htmx request that changes
 * something carries a CSRF token (double-submit cookie {@code hinge_csrf}, masked per page against BREACH; in a
 * header or a URL-encoded field, never read from a multipart body). A Content-Security-Policy allows no inline script and no inline style.
 */
@Configuration(proxyBeanMethods = false)
public class PageSecurity {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    public static final String CSRF_COOKIE = "hinge_csrf";
    public static final String CSRF_HEADER = "X-CSRF-TOKEN";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain pageFilterChain(ServerHttpSecurity http, HingeProperties properties, ReactiveJwtDecoder decoder,
                                           TokenGenerations generations, Routes routes) {
        Role role = properties.role();
        String home = "/" + PageSession.section(role);
        ServerWebExchangeMatcher publicPages = ServerWebExchangeMatchers.pathMatchers("/", home, home + "/sign-in", home + "/sign-up");
        JwtReactiveAuthenticationManager sessions = new JwtReactiveAuthenticationManager(decoder);
        sessions.setJwtAuthenticationConverter(jwt -> SecurityConfiguration.current(jwt, generations));
        ServerAuthenticationEntryPoint signIn = (exchange, e) -> signIn(exchange, role);
        ServerAccessDeniedHandler otherRole = (exchange, e) -> signIn(exchange, role);
        return http
                .securityMatcher(new AndServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers("/", home, home + "/**", "/assets/**", "/webjars/**"),
                        // Swagger UI's files keep the API's headers (its page needs inline styles)
                        new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/webjars/swagger-ui/**"))))
                // the matcher named explicitly: left to its default, the resource server below would exempt every
                // request that carries a token (here: the session cookie), i.e. every signed-in form, from CSRF
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER)
                        .csrfTokenRepository(csrfTokens(home)).csrfTokenRequestHandler(csrfHandler())
                        .accessDeniedHandler((exchange, e) -> page(exchange, HttpStatus.FORBIDDEN,
                                "This form has expired. Reload the page and send it again.")))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(SecurityConfiguration.noRoute(routes)).permitAll() // static files; 404s
                        .matchers(publicPages).permitAll()
                        .anyExchange().hasAuthority("ROLE_" + role.name()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        // the session is read where it matters: not for static files, nor on the sign-in pages
                        // (a stale cookie must not keep anyone from signing in again)
                        .bearerTokenConverter(exchange -> routes.isRoute(exchange)
                                .filterWhen(route -> route ? publicPages.matches(exchange).map(m -> !m.isMatch()) : Mono.just(false))
                                .flatMap(route -> Mono.justOrEmpty(PageSession.token(exchange)))
                                .map(BearerTokenAuthenticationToken::new))
                        .jwt(jwt -> jwt.authenticationManager(sessions))
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler(otherRole))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(signIn).accessDeniedHandler(otherRole))
                .build();
    }

    private static CookieServerCsrfTokenRepository csrfTokens(String home) {
        CookieServerCsrfTokenRepository tokens = new CookieServerCsrfTokenRepository();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookiePath(home);
        tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
        return tokens;
    }

    /**
     * The token from the header or a URL-encoded form, never from a multipart body: reading one for it would spool
     * the whole body to disk before anyone is signed in (an upload goes through htmx, which sends the header).
     */
    private static XorServerCsrfTokenRequestAttributeHandler csrfHandler() {
        return new XorServerCsrfTokenRequestAttributeHandler();
    }

    /**
     * To the sign-in page, coming back here after it (a GET only: a form's answer is no place to return to). The
     * session cookie that came, stale or of another role, is dropped.
     */
    static Mono<Void> signIn(ServerWebExchange exchange, Role role) {
        if (PageSession.token(exchange) != null) {
            // only a cookie that came is dropped: a link followed from another site arrives without the Strict
            // cookie, and clearing it then would sign out a live session
            PageSession.close(exchange, role);
        }
        String home = "/" + PageSession.section(role);
        UriComponentsBuilder target = UriComponentsBuilder.fromPath(home + "/sign-in");
        if (exchange.getRequest().getMethod() == HttpMethod.GET) {
            URI uri = exchange.getRequest().getURI();
            target.queryParam("next", uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
        String location = target.encode().build().toUriString();
        if (exchange.getRequest().getHeaders().containsKey("HX-Request")) {
            exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
            exchange.getResponse().getHeaders().set("HX-Redirect", location);
            return exchange.getResponse().setComplete();
        }
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        exchange.getResponse().getHeaders().setLocation(URI.create(location));
        return exchange.getResponse().setComplete();
    }

    /** A short page for a refusal made before any controller runs. */
    private static Mono<Void> page(ServerWebExchange exchange, HttpStatus status, String message) {
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        byte[] body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hinge</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/hinge.css\"></head><body><main><h1>"
                + status.getReasonPhrase() + "</h1><p>" + message + "</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    }

    /** Where to go after signing in: a page of this section, never another site. */
    public static String next(String requested, Role role) {
        String home = "/" + PageSession.section(role) + "/";
        if (requested == null || !requested.startsWith(home) || requested.contains("\\") || requested.contains("//")
                || requested.contains("{") || requested.contains("}")) {
            return home;
        }
        try {
            URI.create(requested); // a redirect to it must not fail (a space, a bad escape)
            return requested;
        } catch (IllegalArgumentException e) {
            return home;
        }
    }
}
