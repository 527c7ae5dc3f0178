package dev.hinge.platform.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a token must hold to be accepted, beyond its signature: Spring's defaults (issuer {@code hinge}, not expired,
 * not before its {@code nbf}) plus an {@code exp}, an {@code iat}, a lifetime no longer than {@code hinge.jwt.ttl},
 * a subject that is a UUID and a generation. A token failing any of them is a 401, never a 500 further on.
 */
final class TokenValidators {
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private TokenValidators() {
    }

    static OAuth2TokenValidator<Jwt> of(Duration ttl) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(Tokens.ISSUER),
                required(JwtClaimNames.EXP),
                required(JwtClaimNames.IAT),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, TokenValidators::isUuid),
                new JwtClaimValidator<Object>(Tokens.GENERATION_CLAIM, generation -> generation instanceof Number),
                lifetimeAtMost(ttl));
    }

    private static JwtClaimValidator<Object> required(String claim) {
        return new JwtClaimValidator<>(claim, Objects::nonNull);
    }

    private static boolean isUuid(String subject) {
        if (subject == null) {
            return false;
        }
        try {
            return UUID.fromString(subject).toString().equalsIgnoreCase(subject);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    /**
     * A token may not live longer than the service would have issued it for ({@code exp - iat <= ttl}), nor be
     * issued in the future (beyond the same minute of clock skew Spring allows for {@code exp}).
     */
    private static OAuth2TokenValidator<Jwt> lifetimeAtMost(Duration ttl) {
        return jwt -> {
            Instant issuedAt = jwt.getIssuedAt();
            Instant expiresAt = jwt.getExpiresAt();
            if (issuedAt != null && expiresAt != null && !expiresAt.isAfter(issuedAt.plus(ttl))
                    && !issuedAt.isAfter(Instant.now().plus(CLOCK_SKEW))) {
                return OAuth2TokenValidatorResult.success();
            }
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "The token lives longer than " + ttl, null));
        };
    }
}
