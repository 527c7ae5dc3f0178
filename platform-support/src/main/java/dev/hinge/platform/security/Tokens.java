package dev.hinge.platform.security;

import dev.hinge.kernel.account.Role;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues the bearer tokens both services accept: subject = account id, claim {@code role}, and claim {@code gen},
 * the account's token generation when it was issued (see {@link TokenGenerations}).
 */
public class Tokens {
    public static final String ISSUER = "hinge";
    public static final String ROLE_CLAIM = "role";
    public static final String GENERATION_CLAIM = "gen";

    private final JwtEncoder encoder;
    private final Duration ttl;
    private final Clock clock;

    public Tokens(JwtEncoder encoder, Duration ttl, Clock clock) {
        this.encoder = encoder;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    public IssuedToken issue(UUID accountId, Role role, long generation) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .id(UUID.randomUUID().toString())
                .subject(accountId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim(ROLE_CLAIM, role.name().toLowerCase())
                .claim(GENERATION_CLAIM, generation)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, claims.getExpiresAt());
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }
}
