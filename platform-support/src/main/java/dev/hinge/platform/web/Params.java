package dev.hinge.platform.web;

import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Times;
import dev.hinge.platform.problem.RequestFields;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Strict parsing of the values that arrive as text: ids in paths, times in bodies and queries. */
public final class Params {
    private Params() {
    }

    public static UUID uuid(String raw) {
        try {
            if (raw.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("must be a UUID");
        }
    }

    /** A UUID in a path, such as {@code {athleteId}}: a 400 naming {@code field} unless it is one. */
    public static UUID pathId(String field, String raw) {
        RequestFields fields = new RequestFields();
        UUID id = fields.required(field, raw, Params::uuid);
        fields.validate();
        return id;
    }

    public static Instant instant(String raw) {
        Instant instant;
        try {
            instant = Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("must be an ISO-8601 instant such as 2026-11-02T18:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            // beyond what a date column holds (a query with year 1000000000 failed as a 500)
            throw DomainException.invalid("must be between the years 1 and 9999");
        }
        return instant;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** A client-given time of something that happened (default now): not before 2000, at most 5 minutes ahead. */
    public static Instant happenedAt(RequestFields fields, String field, String raw, Instant now) {
        if (raw == null) {
            return now;
        }
        return fields.optional(field, raw, s -> Times.happenedAt(instant(s), now));
    }
}
