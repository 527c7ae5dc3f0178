package dev.hinge.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.hinge.kernel.account.Role;
import dev.hinge.platform.problem.ProblemAdvice;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Routes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.util.List;

/**
 * Real authentication on every route under {@code /api/v1} except registration and login: HS256 bearer tokens checked
 * by Spring Security's resource server (Nimbus). A token of the other role is a 403; none or a bad one a 401. A request
 * no route takes ({@link Routes}) needs no token: the dispatcher answers it 404 (405 for a known path with another
 * method), so guessing a path teaches the truth. The API document and Swagger UI are public.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({HingeProperties.class, LoginProperties.class})
public class SecurityConfiguration {
    /** The routes that need no token (POST): whoever has none gets one here. */
    public static final List<String> SIGN_IN_ROUTES = List.of("/api/v1/auth/register", "/api/v1/auth/token");
    /** The OpenAPI document (springdoc's default paths) and Swagger UI, read without a token. */
    static final String[] API_DOCUMENT = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    SecretKey jwtKey(HingeProperties properties, ConfigurableEnvironment environment) {
        return JwtKeys.resolve(properties.jwt().secret(), environment);
    }

    /**
     * No observation around each of Spring Security's filters and decisions: with the actuator on the classpath
     * they cost ~10 % of a request's CPU (JFR during benchmarks/run ingest). HTTP request metrics stay.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecretKey jwtKey, HingeProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(jwtKey)
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(TokenValidators.of(properties.jwt().ttl()));
        return decoder;
    }

    /**
     * Spring Security's strict firewall, except that a header value may hold bytes 0x80-0x9F: UTF-8 text, which
     * the server reads as Latin-1, has them ("€" is E2 82 AC), and the default refusal surfaced inside a controller
     * as a 500. Such a value is judged where it is used (an {@code Idempotency-Key} must be visible ASCII: a 400
     * naming the header); ASCII control characters stay refused here.
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderValues(value -> value == null || value.chars().noneMatch(c -> c < 0x20 || c == 0x7F));
        return firewall;
    }

    /** Millisecond precision: what clients send and what PostgreSQL keeps without loss. */
    @Bean
    Clock clock() {
        return Clock.tickMillis(java.time.ZoneOffset.UTC);
    }

    @Bean
    Tokens tokens(SecretKey jwtKey, HingeProperties properties, Clock clock) {
        return new Tokens(new NimbusJwtEncoder(new ImmutableSecret<>(jwtKey)), properties.jwt().ttl(), clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, HingeProperties properties, ObjectMapper json,
                                               TokenGenerations generations, Routes routes) {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        String role = "ROLE_" + properties.role().name();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(noRoute(routes)).permitAll()
                        .pathMatchers(HttpMethod.POST, SIGN_IN_ROUTES.toArray(String[]::new)).permitAll()
                        .pathMatchers(HttpMethod.GET, API_DOCUMENT).permitAll()
                        .pathMatchers("/api/v1/**").hasAuthority(role)
                        .anyExchange().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        // a token sent to no route is not read: 404 whatever it holds
                        .bearerTokenConverter(exchange -> routes.isRoute(exchange)
                                .flatMap(route -> route ? bearer.convert(exchange) : Mono.empty()))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> current(token, generations)))
                        .authenticationEntryPoint((exchange, e) -> write(exchange, json, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "Unauthorized", "A valid bearer token is required"))
                        .accessDeniedHandler((exchange, e) -> write(exchange, json, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "This route is for " + properties.role().name().toLowerCase() + " accounts")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> write(exchange, json, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "Unauthorized", "A valid bearer token is required"))
                        .accessDeniedHandler((exchange, e) -> write(exchange, json, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "This route is for " + properties.role().name().toLowerCase() + " accounts")))
                .build();
    }

    /** Requests that a route of this service takes ({@link Routes}). */
    public static ServerWebExchangeMatcher route(Routes routes) {
        return exchange -> routes.isRoute(exchange)
                .flatMap(route -> route ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch());
    }

    /** Requests that no route of this service takes: the dispatcher answers them 404 or 405, token or not. */
    public static ServerWebExchangeMatcher noRoute(Routes routes) {
        return new NegatedServerWebExchangeMatcher(route(routes));
    }

    /**
     * A validly signed token still needs its account: one indexed read per request tells whether the account of the
     * token's role exists and the token is of its current generation (not revoked by a logout or a password change).
     * Read every time rather than cached, so a logout on one instance holds on every other at once.
     */
    public static Mono<AbstractAuthenticationToken> current(Jwt jwt, TokenGenerations generations) {
        Role role = role(jwt.getClaimAsString(Tokens.ROLE_CLAIM));
        if (role == null) {
            return Mono.error(new InvalidBearerTokenException("The token names no known role"));
        }
        long generation = ((Number) jwt.getClaim(Tokens.GENERATION_CLAIM)).longValue();
        return Blocking.call(() -> generations.current(role, CurrentUser.id(jwt)).orElse(-1L)).flatMap(current -> {
            if (current == -1L) {
                return Mono.error(new InvalidBearerTokenException("The token's account does not exist"));
            }
            if (current != generation) {
                return Mono.error(new InvalidBearerTokenException("The token was revoked"));
            }
            return Mono.just(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())),
                    jwt.getSubject()));
        });
    }

    private static Role role(String claim) {
        for (Role role : Role.values()) {
            if (role.name().equalsIgnoreCase(claim)) {
                return role;
            }
        }
        return null;
    }

    private static Mono<Void> write(ServerWebExchange exchange, ObjectMapper json, HttpStatus status, String type,
                                    String title, String detail) {
        ProblemDetail problem = ProblemAdvice.problem(status, type, title, detail).getBody();
        problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(problem);
        } catch (Exception e) {
            return Mono.error(e);
        }
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(bytes);
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }

}
