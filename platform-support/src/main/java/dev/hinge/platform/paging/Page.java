package dev.hinge.platform.paging;

import java.util.List;

/** A page of a list: {@code next} is the cursor of the following page, null at the end. */
public record Page<T>(List<T> items, String next) {
}
