package dev.hinge.platform.account;

import dev.hinge.kernel.account.DisplayName;

import java.time.Instant;
import java.util.UUID;

/** Each service says which command opens the aggregate of a newly registered account. */
@FunctionalInterface
public interface AccountOpener {
    Object openingCommand(UUID accountId, DisplayName displayName, Instant at);
}
