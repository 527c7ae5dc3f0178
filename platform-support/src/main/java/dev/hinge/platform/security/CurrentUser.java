package dev.hinge.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.UUID;

/** The caller's account id, from the token the security filter already checked. */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static UUID id(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
