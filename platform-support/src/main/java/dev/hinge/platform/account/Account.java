package dev.hinge.platform.account;

import dev.hinge.kernel.account.Role;

import java.util.UUID;

/** A row of the account table: who can log in. The password hash never leaves the store's package. */
public record Account(UUID id, Role role, String email, String displayName) {
}
