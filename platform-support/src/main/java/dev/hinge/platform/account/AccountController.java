package dev.hinge.platform.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.account.Role;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Text;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.problem.ProblemAdvice;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.security.HingeProperties;
import dev.hinge.platform.security.LoginThrottle;
import dev.hinge.platform.security.Tokens;
import dev.hinge.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Registration, login, logout, password change and "who am I", the same on both services; the role is the
 * service's. Registering writes the account row and the aggregate's opening event in one transaction: both or
 * neither. Logins are throttled ({@link LoginThrottle}); logout and a password change revoke every token issued
 * before them.
 */
@RestController
public class AccountController {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String REGISTER = "POST /api/v1/auth/register";

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final PasswordStrength strength;
    private final Tokens tokens;
    private final AccountOpener opener;
    private final CommandGateway commandGateway;
    private final TransactionTemplate transaction;
    private final Idempotency idempotency;
    private final LoginThrottle throttle;
    private final ObjectMapper json;
    private final Role role;
    private final Clock clock;
    /** Compared against when the email is unknown, so a wrong email costs as much time as a wrong password. */
    private final String decoyHash;

    public AccountController(AccountStore accounts, PasswordEncoder passwords, PasswordStrength strength, Tokens tokens,
                             AccountOpener opener, CommandGateway commandGateway, TransactionTemplate transaction,
                             Idempotency idempotency, LoginThrottle throttle, ObjectMapper json,
                             HingeProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.strength = strength;
        this.tokens = tokens;
        this.opener = opener;
        this.commandGateway = commandGateway;
        this.transaction = transaction;
        this.idempotency = idempotency;
        this.throttle = throttle;
        this.json = json;
        this.role = properties.role();
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy password, never matches");
    }

    @Schema(example = """
            {"email": "mark@example.com", "password": "a long password", "displayName": "Mark"}""")
    public record RegisterRequest(String email, String password, String displayName) {
    }

    /** What an idempotent registration is recognised by: the request without its password. */
    record RegistrationFingerprint(String email, String displayName) {
    }

    @Schema(example = """
            {"id": "18c0ed1c-007a-481c-9ad2-cfafa76bf106", "email": "mark@example.com", "displayName": "Mark",
             "role": "athlete", "token": "eyJhbGciOiJIUzI1NiJ9…"}""")
    public record RegisteredResponse(UUID id, String email, String displayName, String role, String token) {
        RegisteredResponse withToken(String token) {
            return new RegisteredResponse(id, email, displayName, role, token);
        }
    }

    @Schema(example = """
            {"email": "mark@example.com", "password": "a long password"}""")
    public record TokenRequest(String email, String password) {
    }

    @Schema(example = """
            {"token": "eyJhbGciOiJIUzI1NiJ9…", "tokenType": "Bearer", "expiresAt": "2026-12-02T03:33:25.766Z"}""")
    public record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @Schema(example = """
            {"id": "18c0ed1c-007a-481c-9ad2-cfafa76bf106", "email": "mark@example.com", "displayName": "Mark", "role": "athlete"}""")
    public record MeResponse(UUID id, String email, String displayName, String role) {
    }

    @Schema(example = """
            {"currentPassword": "a long password", "newPassword": "another long password"}""")
    public record ChangePasswordRequest(String currentPassword, String newPassword) {
    }

    /**
     * With an {@code Idempotency-Key}, a repeat answers the same account; what is kept for the key holds no token,
     * and the key's fingerprint no password: the repeat's password is checked against the account's like a login,
     * and a new token is issued on the spot.
     */
    @Operation(summary = "Register an account of this service's role", description = """
            The password: at least 10 characters, at most 72 bytes, hard to guess (zxcvbn score 3 of 4, the email and \
            display name counted as known words). An email already registered here is a 409. The answer holds a token.""")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RegisteredResponse.class)))
    @ApiResponse(responseCode = "409", description = "This email is already registered on this service")
    @PostMapping("/api/v1/auth/register")
    Mono<ResponseEntity<?>> register(@RequestBody RegisterRequest request,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        RequestFields fields = new RequestFields();
        String email = fields.required("email", request.email(), AccountController::email);
        DisplayName displayName = fields.required("displayName", request.displayName(), DisplayName::new);
        String password = fields.required("password", request.password(), p -> strength.check(p, email,
                displayName == null ? request.displayName() : displayName.value()));
        fields.validate();
        return idempotency.execute("register:" + email, key, REGISTER,
                new RegistrationFingerprint(email, displayName.value()), () -> Blocking.call(() -> {
                    UUID id = key == null ? UUID.randomUUID()
                            : Idempotency.derivedId(role.name() + ":" + email, key, "account");
                    Account account = new Account(id, role, email, displayName.value());
                    String hash = passwords.encode(password);
                    Instant now = clock.instant();
                    transaction.executeWithoutResult(status -> {
                        accounts.insert(account, hash, now);
                        commandGateway.sendAndWait(opener.openingCommand(id, displayName, now));
                    });
                    return ResponseEntity.status(HttpStatus.CREATED)
                            .body(new RegisteredResponse(id, email, displayName.value(), slug(), null));
                }), kept -> Blocking.call(() -> {
                    RegisteredResponse registered = json.readValue(kept.getBody(), RegisteredResponse.class);
                    var credentials = accounts.credentials(role, registered.id());
                    if (credentials.isEmpty() || !passwords.matches(password, credentials.get().passwordHash())) {
                        return Idempotency.reused();
                    }
                    return ResponseEntity.status(kept.getStatusCode()).body(registered);
                }))
                .flatMap(answer -> answer.getBody() instanceof RegisteredResponse registered
                        ? Blocking.call(() -> ResponseEntity.status(answer.getStatusCode()).body(registered.withToken(
                        tokens.issue(registered.id(), role, accounts.current(role, registered.id()).orElseThrow()).token())))
                        : Mono.just(answer));
    }

    @Operation(summary = "Log in: a bearer token for the other routes", description = """
            Paste the `token` into **Authorize**. After 5 failures for an email (then one more every 12 s), or 30 from \
            one address, a 429 with `Retry-After`.""")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "401", description = "Wrong email or password")
    @ApiResponse(responseCode = "429", description = "Too many failed logins: wait `Retry-After` seconds")
    @PostMapping("/api/v1/auth/token")
    Mono<ResponseEntity<?>> token(@RequestBody TokenRequest request, ServerHttpRequest http) {
        RequestFields fields = new RequestFields();
        String email = fields.required("email", request.email(), e -> e.strip().toLowerCase(Locale.ROOT));
        String password = fields.required("password", request.password(), p -> p);
        fields.validate();
        LoginThrottle.Outcome outcome = throttle.attempt(email, http);
        if (outcome instanceof LoginThrottle.Refused refused) {
            return Mono.just(tooManyAttempts(refused.retryAfter()));
        }
        LoginThrottle.Allowed attempt = (LoginThrottle.Allowed) outcome;
        return Blocking.call(() -> {
            var credentials = accounts.credentials(role, email);
            boolean matches = passwords.matches(password, credentials.map(AccountStore.Credentials::passwordHash).orElse(decoyHash));
            if (credentials.isEmpty() || !matches) {
                throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Wrong email or password");
            }
            attempt.succeeded();
            Tokens.IssuedToken issued = tokens.issue(credentials.get().id(), role, credentials.get().tokenGeneration());
            return ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
        });
    }

    /** Every token of this account issued until now stops working, on every instance, at once. */
    @Operation(summary = "Log out: every token of this account issued until now stops working")
    @ApiResponse(responseCode = "204")
    @PostMapping("/api/v1/auth/logout")
    Mono<ResponseEntity<Void>> logout(@AuthenticationPrincipal Jwt jwt) {
        return Blocking.call(() -> {
            accounts.revokeTokens(role, CurrentUser.id(jwt));
            return ResponseEntity.noContent().build();
        });
    }

    /**
     * A new password under the same rules as at registration; the current one must be given (and wrong guesses
     * count against the login limit). Every token issued before, this one included, stops working: log in again.
     */
    @Operation(summary = "Change the password: every earlier token, this one included, stops working")
    @ApiResponse(responseCode = "204")
    @ApiResponse(responseCode = "429", description = "Too many wrong current passwords: wait `Retry-After` seconds")
    @PostMapping("/api/v1/me/password")
    Mono<ResponseEntity<?>> changePassword(@AuthenticationPrincipal Jwt jwt, @RequestBody ChangePasswordRequest request,
                                           ServerHttpRequest http) {
        UUID id = CurrentUser.id(jwt);
        return Blocking.call(() -> accounts.find(role, id).orElseThrow(() -> DomainException.notFound("No such account")))
                .flatMap(account -> {
                    RequestFields fields = new RequestFields();
                    String current = fields.required("currentPassword", request.currentPassword(), p -> p);
                    String next = fields.required("newPassword", request.newPassword(),
                            p -> strength.check(p, account.email(), account.displayName()));
                    fields.validate();
                    LoginThrottle.Outcome outcome = throttle.attempt(account.email(), http);
                    if (outcome instanceof LoginThrottle.Refused refused) {
                        return Mono.just(tooManyAttempts(refused.retryAfter()));
                    }
                    return Blocking.call(() -> {
                        var credentials = accounts.credentials(role, id).orElseThrow(() -> DomainException.notFound("No such account"));
                        if (!passwords.matches(current, credentials.passwordHash())) {
                            throw DomainException.invalid("currentPassword", "is not this account's password");
                        }
                        ((LoginThrottle.Allowed) outcome).succeeded();
                        accounts.changePassword(role, id, passwords.encode(next));
                        return ResponseEntity.noContent().build();
                    });
                });
    }

    @Operation(summary = "Who the token is: give your id to the other side (a coach gives it to athletes)")
    @GetMapping("/api/v1/me")
    Mono<MeResponse> me(@AuthenticationPrincipal Jwt jwt) {
        return Blocking.call(() -> accounts.find(role, CurrentUser.id(jwt))
                .map(a -> new MeResponse(a.id(), a.email(), a.displayName(), slug()))
                .orElseThrow(() -> DomainException.notFound("No such account")));
    }

    private static ResponseEntity<?> tooManyAttempts(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ProblemAdvice.retryAfter(ProblemAdvice.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                "Too many attempts", "Too many failed logins; try again in " + seconds + " s"), seconds);
    }

    private String slug() {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** An email address as accounts keep it: at most 254 characters, lower-case; else refused. */
    public static String email(String raw) {
        String email = Text.required(raw, 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw DomainException.invalid("must be an email address");
        }
        return email;
    }
}
