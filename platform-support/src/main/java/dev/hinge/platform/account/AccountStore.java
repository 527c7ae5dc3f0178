package dev.hinge.platform.account;

import dev.hinge.kernel.account.Role;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.ErrorCode;
import dev.hinge.platform.security.TokenGenerations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Credentials live here, never in an event. Each service reads and writes only its own role's rows. An account's
 * token generation goes up on logout and password change: tokens of an older generation are refused.
 */
@Repository
public class AccountStore implements TokenGenerations {
    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Account account, String passwordHash, Instant at) {
        try {
            jdbc.sql("insert into account (id, role, email, password_hash, display_name, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(account.id(), account.role().name(), account.email(), passwordHash, account.displayName(),
                            OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(ErrorCode.CONFLICT, "email", "An account with this email already exists");
        }
    }

    public Optional<Account> find(Role role, UUID id) {
        return jdbc.sql("select id, role, email, display_name from account where role = ? and id = ?")
                .params(role.name(), id)
                .query((rs, n) -> new Account(rs.getObject(1, UUID.class), Role.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .optional();
    }

    Optional<Credentials> credentials(Role role, String email) {
        return jdbc.sql("select id, password_hash, token_generation from account where role = ? and email = ?")
                .params(role.name(), email)
                .query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    Optional<Credentials> credentials(Role role, UUID id) {
        return jdbc.sql("select id, password_hash, token_generation from account where role = ? and id = ?")
                .params(role.name(), id)
                .query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    @Override
    public Optional<Long> current(Role role, UUID id) {
        return jdbc.sql("select token_generation from account where role = ? and id = ?")
                .params(role.name(), id)
                .query(Long.class)
                .optional();
    }

    /** Every token issued so far stops working; returns the new generation. */
    long revokeTokens(Role role, UUID id) {
        jdbc.sql("update account set token_generation = token_generation + 1 where role = ? and id = ?")
                .params(role.name(), id).update();
        return current(role, id).orElseThrow(() -> DomainException.notFound("No such account"));
    }

    /** A new password, and every token issued with the old one stops working; returns the new generation. */
    long changePassword(Role role, UUID id, String passwordHash) {
        jdbc.sql("update account set password_hash = ?, token_generation = token_generation + 1 where role = ? and id = ?")
                .params(passwordHash, role.name(), id).update();
        return current(role, id).orElseThrow(() -> DomainException.notFound("No such account"));
    }

    record Credentials(UUID id, String passwordHash, long tokenGeneration) {
    }
}
