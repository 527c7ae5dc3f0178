package dev.hinge.platform.security;

import dev.hinge.kernel.account.Role;

import java.util.Optional;
import java.util.UUID;

/**
 * Where an account's current token generation is kept (the account table). A token names the generation it was
 * issued in; logout and a password change start a new one, so every earlier token is refused from then on. A
 * counter, not a "valid after" time: a token's {@code iat} has second precision and instances' clocks differ, a
 * counter has neither problem.
 */
@FunctionalInterface
public interface TokenGenerations {
    /** The account's current generation; empty when no account of this role has this id. */
    Optional<Long> current(Role role, UUID accountId);
}
