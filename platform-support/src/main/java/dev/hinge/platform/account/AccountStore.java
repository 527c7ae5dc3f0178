package dev.hinge.platform.account;

import dev.hinge.kernel.account.Role;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.ErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Credentials live here, never in an event. Each service reads and writes only its own role's rows. */
@Repository
class AccountStore {
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

    Optional<Account> find(Role role, UUID id) {
        return jdbc.sql("select id, role, email, display_name from account where role = ? and id = ?")
                .params(role.name(), id)
                .query((rs, n) -> new Account(rs.getObject(1, UUID.class), Role.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .optional();
    }

    Optional<Credentials> credentials(Role role, String email) {
        return jdbc.sql("select id, password_hash from account where role = ? and email = ?")
                .params(role.name(), email)
                .query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
    }

    record Credentials(UUID id, String passwordHash) {
    }
}
