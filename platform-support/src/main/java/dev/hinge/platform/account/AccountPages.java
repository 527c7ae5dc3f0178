package dev.hinge.platform.account;

import dev.hinge.kernel.account.Role;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.ErrorCode;
import dev.hinge.platform.pages.PageController;
import dev.hinge.platform.pages.PageErrors;
import dev.hinge.platform.pages.PageSecurity;
import dev.hinge.platform.pages.PageSession;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.security.HingeProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign up, sign in and sign out in a browser, on either service ({@code /athlete/...} or {@code /coach/...}): the API's
 * own registration and login ({@link AccountController}, the same rules, limits and answers), whose token becomes the
 * page session ({@link PageSession}). A refusal shows beside its field, the form kept but for the password.
 */
@PageController
class AccountPages {
    private final AccountController accounts;
    private final Role role;

    AccountPages(AccountController accounts, HingeProperties properties) {
        this.accounts = accounts;
        this.role = properties.role();
    }

    @GetMapping("/")
    Rendering root() {
        return Rendering.redirectTo(home()).build();
    }

    @GetMapping("/${hinge.role}")
    Rendering section() {
        return Rendering.redirectTo(home()).build();
    }

    @GetMapping("/${hinge.role}/sign-in")
    Rendering signInPage(@RequestParam(required = false) String next) {
        return form("account/sign-in", Map.of(), Map.of(), PageSecurity.next(next, role)).build();
    }

    @GetMapping("/${hinge.role}/sign-up")
    Rendering signUpPage(@RequestParam(required = false) String next) {
        return form("account/sign-up", Map.of(), Map.of(), PageSecurity.next(next, role)).build();
    }

    @PostMapping("/${hinge.role}/sign-in")
    Mono<Rendering> signIn(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String next = PageSecurity.next(form.getFirst("next"), role);
            Map<String, String> kept = kept(form, "email");
            // deferred: the API's validation throws before it answers, and a refusal is shown on the form
            return Mono.defer(() -> accounts.token(new AccountController.TokenRequest(form.getFirst("email"),
                            form.getFirst("password")), exchange.getRequest()))
                    .map(answer -> {
                        if (answer.getBody() instanceof AccountController.TokenResponse token) {
                            PageSession.open(exchange, role, token.token(), token.expiresAt());
                            return Rendering.redirectTo(next).build();
                        }
                        return refused("account/sign-in", kept, next, answer, "email");
                    })
                    .onErrorResume(InvalidRequestException.class, e -> Mono.just(form("account/sign-in", kept, PageErrors.of(e), next)
                            .status(HttpStatus.BAD_REQUEST).build()))
                    .onErrorResume(ResponseStatusException.class, e -> Mono.just(form("account/sign-in", kept,
                            PageErrors.of("password", "Wrong email or password."), next).status(e.getStatusCode()).build()));
        });
    }

    @PostMapping("/${hinge.role}/sign-up")
    Mono<Rendering> signUp(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String next = PageSecurity.next(form.getFirst("next"), role);
            Map<String, String> kept = kept(form, "email", "displayName");
            return Mono.defer(() -> accounts.register(new AccountController.RegisterRequest(form.getFirst("email"),
                            form.getFirst("password"), form.getFirst("displayName")), null))
                    .flatMap(answer -> {
                        if (answer.getBody() instanceof AccountController.RegisteredResponse registered) {
                            // the token of a registration: the same login the API would give, so its expiry is known
                            return accounts.token(new AccountController.TokenRequest(registered.email(), form.getFirst("password")),
                                    exchange.getRequest()).map(login -> {
                                if (login.getBody() instanceof AccountController.TokenResponse token) {
                                    PageSession.open(exchange, role, token.token(), token.expiresAt());
                                }
                                return Rendering.redirectTo(login.getBody() instanceof AccountController.TokenResponse
                                        ? next : "/" + PageSession.section(role) + "/sign-in").build();
                            });
                        }
                        return Mono.just(refused("account/sign-up", kept, next, answer, "email"));
                    })
                    .onErrorResume(InvalidRequestException.class, e -> Mono.just(form("account/sign-up", kept, PageErrors.of(e), next)
                            .status(HttpStatus.BAD_REQUEST).build()))
                    .onErrorResume(e -> e instanceof DomainException domain && domain.code() == ErrorCode.CONFLICT, e -> Mono.just(form("account/sign-up",
                            kept, PageErrors.of("email", "is already registered here: sign in instead."), next)
                            .status(HttpStatus.CONFLICT).build()));
        });
    }

    /** Ends this browser's session, and every token of the account issued until now (as the API's logout does). */
    @PostMapping("/${hinge.role}/sign-out")
    Mono<Rendering> signOut(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return accounts.logout(jwt).map(done -> {
            PageSession.close(exchange, role);
            return Rendering.redirectTo("/" + PageSession.section(role) + "/sign-in").build();
        });
    }

    private String home() {
        return "/" + PageSession.section(role) + "/";
    }

    /** An answer that is not a success (a 429 after too many attempts, a conflict): its detail beside the field. */
    private static Rendering refused(String view, Map<String, String> kept, String next, ResponseEntity<?> answer, String field) {
        String detail = answer.getBody() instanceof org.springframework.http.ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail() : "could not be accepted";
        Rendering.Builder<?> page = form(view, kept, PageErrors.of(field, detail), next).status(answer.getStatusCode());
        String retryAfter = answer.getHeaders().getFirst("Retry-After");
        if (retryAfter != null) {
            page.header("Retry-After", retryAfter);
        }
        return page.build();
    }

    private static Rendering.Builder<?> form(String view, Map<String, String> values, Map<String, String> errors, String next) {
        return Rendering.view(view).modelAttribute("values", values).modelAttribute("errors", errors)
                .modelAttribute("next", next);
    }

    private static Map<String, String> kept(MultiValueMap<String, String> form, String... fields) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String field : fields) {
            String value = form.getFirst(field);
            kept.put(field, value == null ? "" : value);
        }
        return kept;
    }
}
