package dev.hinge.platform.account;

import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.account.Role;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Text;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.security.HingeProperties;
import dev.hinge.platform.security.Tokens;
import dev.hinge.platform.web.Blocking;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Registration, login and "who am I", the same on both services; the role is the service's. Registering
 * writes the account row and the aggregate's opening event in one transaction: both or neither.
 */
@RestController
public class AccountController {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MIN_PASSWORD = 10;
    /** BCrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final Tokens tokens;
    private final AccountOpener opener;
    private final CommandGateway commandGateway;
    private final TransactionTemplate transaction;
    private final Idempotency idempotency;
    private final Role role;
    private final Clock clock;
    /** Compared against when the email is unknown, so a wrong email costs as much time as a wrong password. */
    private final String decoyHash;

    public AccountController(AccountStore accounts, PasswordEncoder passwords, Tokens tokens, AccountOpener opener,
                             CommandGateway commandGateway, TransactionTemplate transaction, Idempotency idempotency,
                             HingeProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.opener = opener;
        this.commandGateway = commandGateway;
        this.transaction = transaction;
        this.idempotency = idempotency;
        this.role = properties.role();
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy password, never matches");
    }

    public record RegisterRequest(String email, String password, String displayName) {
    }

    public record RegisteredResponse(UUID id, String email, String displayName, String role, String token) {
    }

    public record TokenRequest(String email, String password) {
    }

    public record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    public record MeResponse(UUID id, String email, String displayName, String role) {
    }

    @PostMapping("/api/v1/auth/register")
    Mono<ResponseEntity<?>> register(@RequestBody RegisterRequest request,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        RequestFields fields = new RequestFields();
        String email = fields.required("email", request.email(), AccountController::email);
        String password = fields.required("password", request.password(), AccountController::password);
        DisplayName displayName = fields.required("displayName", request.displayName(), DisplayName::new);
        fields.validate();
        return idempotency.execute("register:" + email, key, "register", request, () -> Blocking.call(() -> {
            UUID id = key == null ? UUID.randomUUID() : Idempotency.derivedId(email, key, "account");
            Account account = new Account(id, role, email, displayName.value());
            String hash = passwords.encode(password);
            Instant now = clock.instant();
            transaction.executeWithoutResult(status -> {
                accounts.insert(account, hash, now);
                commandGateway.sendAndWait(opener.openingCommand(id, displayName, now));
            });
            String token = tokens.issue(id, role).token();
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new RegisteredResponse(id, email, displayName.value(), slug(), token));
        }));
    }

    @PostMapping("/api/v1/auth/token")
    Mono<TokenResponse> token(@RequestBody TokenRequest request) {
        RequestFields fields = new RequestFields();
        String email = fields.required("email", request.email(), e -> e.strip().toLowerCase(Locale.ROOT));
        String password = fields.required("password", request.password(), p -> p);
        fields.validate();
        return Blocking.call(() -> {
            var credentials = accounts.credentials(role, email);
            boolean matches = passwords.matches(password, credentials.map(AccountStore.Credentials::passwordHash).orElse(decoyHash));
            if (credentials.isEmpty() || !matches) {
                throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Wrong email or password");
            }
            Tokens.IssuedToken issued = tokens.issue(credentials.get().id(), role);
            return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
        });
    }

    @GetMapping("/api/v1/me")
    Mono<MeResponse> me(@AuthenticationPrincipal Jwt jwt) {
        return Blocking.call(() -> accounts.find(role, CurrentUser.id(jwt))
                .map(a -> new MeResponse(a.id(), a.email(), a.displayName(), slug()))
                .orElseThrow(() -> DomainException.notFound("No such account")));
    }

    private String slug() {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static String email(String raw) {
        String email = Text.required(raw, 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw DomainException.invalid("must be an email address");
        }
        return email;
    }

    private static String password(String raw) {
        if (raw.length() < MIN_PASSWORD) {
            throw DomainException.invalid("must be at least " + MIN_PASSWORD + " characters");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw DomainException.invalid("must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return raw;
    }
}
