package dev.hinge.platform.security;

import dev.hinge.platform.web.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/**} has its own chain, ahead of the API's: health (with its liveness and readiness groups) stays open
 * for probes and load balancers; everything else there (info with the version and commit, metrics, the Prometheus
 * scrape, dead letters) needs HTTP Basic as {@code admin} with {@code hinge.admin.password}
 * ({@code HINGE_ADMIN_PASSWORD}). Without that setting no credential is accepted: an operator endpoint that can evict
 * events must not be reachable with a password nobody chose. A path under {@code /actuator} that is no endpoint is a
 * 404, as elsewhere.
 */
@Configuration(proxyBeanMethods = false)
public class AdminSecurity {
    private static final Logger log = LoggerFactory.getLogger(AdminSecurity.class);
    static final String ADMIN = "admin";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain actuatorFilterChain(ServerHttpSecurity http, PasswordEncoder passwords,
                                               @Value("${hinge.admin.password:}") String password, Routes routes) {
        return http
                // a path under /actuator that is no endpoint goes to the API's chain: a 404 whatever credentials it carries
                .securityMatcher(new AndServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers("/actuator", "/actuator/**"), SecurityConfiguration.route(routes)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .httpBasic(basic -> basic.authenticationManager(administrators(passwords, password)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyExchange().hasRole("ADMIN"))
                .build();
    }

    private static ReactiveAuthenticationManager administrators(PasswordEncoder passwords, String password) {
        if (password.isBlank()) {
            log.info("hinge.admin.password (HINGE_ADMIN_PASSWORD) is not set: the admin endpoints under /actuator refuse everyone");
            return authentication -> Mono.empty();
        }
        return new UserDetailsRepositoryReactiveAuthenticationManager(new MapReactiveUserDetailsService(
                User.withUsername(ADMIN).password(passwords.encode(password)).roles("ADMIN").build()));
    }
}
