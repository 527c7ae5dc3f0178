package dev.hinge.platform.security;

import dev.hinge.kernel.account.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param role   whose service this is: every {@code /api/v1} route outside {@code /auth} needs a token of this role
 * @param jwt    how tokens are signed: {@code secret} (env HINGE_JWT_SECRET, base64 or text, at least 32 bytes)
 *               shared by both services; without one a key is generated once and kept in the data folder
 */
@ConfigurationProperties("hinge")
public record HingeProperties(Role role, Jwt jwt) {
    public record Jwt(String secret, Duration ttl) {
    }
}
