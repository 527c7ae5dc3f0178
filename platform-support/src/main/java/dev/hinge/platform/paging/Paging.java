package dev.hinge.platform.paging;

import dev.hinge.platform.problem.InvalidRequestException;

/** {@code limit}: default 50, at most 500. */
public final class Paging {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Paging() {
    }

    public static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidRequestException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
