package dev.hinge.platform.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates stay in memory between commands ({@code hinge.aggregate-cache.size} of them, 0 for none), so an athlete
 * with a long history is not replayed on every set they log. After a restart, snapshots do that job
 * ({@link SnapshotConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCacheConfiguration {

    @Bean
    public Cache aggregateCache(@Value("${hinge.aggregate-cache.size}") int size) {
        return size > 0 ? new BoundedCache(size) : NoCache.INSTANCE;
    }
}
