package dev.hinge.platform.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedCacheTest {

    @Test
    void keepsTheMostRecentlyUsedEntriesUpToItsSize() {
        BoundedCache cache = new BoundedCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
        cache.put("c", 3);

        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
        assertThat(cache.<String, Integer>get("c")).isEqualTo(3);
    }
}
