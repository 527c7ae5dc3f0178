package dev.hinge.platform.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On PostgreSQL the driver sends a JDBC batch of inserts as multi-row inserts: one statement per read-model batch
 * instead of one per row, which made replays faster and cheaper for PostgreSQL (the figures are in
 * benchmarks/RESULTS.md and the history of this file). A {@code reWriteBatchedInserts} given in {@code spring.datasource.hikari.data-source-properties}
 * wins. Other databases (the embedded H2 store) are left alone: H2 refuses settings it does not know.
 */
@Configuration(proxyBeanMethods = false)
public class PostgresBatchedInserts {
    static final String SETTING = "reWriteBatchedInserts";

    @Bean
    static BeanPostProcessor rewriteBatchedInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !hikari.getDataSourceProperties().containsKey(SETTING)) {
                    hikari.addDataSourceProperty(SETTING, "true");
                }
                return bean;
            }
        };
    }
}
