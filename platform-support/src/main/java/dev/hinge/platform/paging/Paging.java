package dev.hinge.platform.paging;

import dev.hinge.platform.problem.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Lists are paged: {@code limit} (default 50, at most 500) and an opaque {@code cursor}. */
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

    /** Where a page of a list paged by position starts: 0 without a cursor. */
    public static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (offset > 0) {
                return offset;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw InvalidRequestException.of("cursor", "is not a cursor this list gave out");
    }

    /** The page of {@code items} from {@code offset}, with the cursor of the next page. */
    public static <T> Page<T> slice(List<T> items, int offset, int limit) {
        int end = Math.min(items.size(), offset + limit);
        String next = end < items.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(offset >= items.size() ? List.of() : items.subList(offset, end), next);
    }

    /**
     * A page from rows read with {@code limit + 1} from {@code offset} on: the extra row, when there is one, only says
     * that a next page exists.
     */
    public static <T> Page<T> page(List<T> rows, int offset, int limit) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        String next = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(offset + limit).getBytes(StandardCharsets.UTF_8));
        return new Page<>(rows.subList(0, limit), next);
    }
}
