package dev.hinge.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that stops sending is let go in seconds by default, not after Netty's unlimited wait. */
class ConnectionTimeoutDefaultsTest {

    @Test
    void everyServiceClosesAHalfSentRequestWithinHalfAMinute() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/hinge-defaults.properties")) {
            defaults.load(in);
        }

        for (String timeout : new String[]{"server.netty.idle-timeout", "hinge.server.read-timeout",
                "hinge.server.request-timeout"}) {
            assertThat(DurationStyle.detectAndParse(defaults.getProperty(timeout, "PT1H")))
                    .as(timeout).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
        }
    }
}
