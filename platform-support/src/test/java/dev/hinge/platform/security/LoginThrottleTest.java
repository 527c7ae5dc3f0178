package dev.hinge.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private static final LoginProperties.Limit FIVE_PER_MINUTE = new LoginProperties.Limit(5, Duration.ofMinutes(1));
    private static final LoginProperties.Limit THIRTY_PER_MINUTE = new LoginProperties.Limit(30, Duration.ofMinutes(1));

    private static MockServerHttpRequest from(String socketAddress, String... forwardedFor) {
        return MockServerHttpRequest.post("/api/v1/auth/token")
                .remoteAddress(new InetSocketAddress(socketAddress, 40000))
                .header("X-Forwarded-For", forwardedFor)
                .build();
    }

    @Test
    void theClientAddressIsTheSocketsUnlessForwardedForIsTrusted() {
        LoginThrottle untrusting = new LoginThrottle(new LoginProperties(FIVE_PER_MINUTE, THIRTY_PER_MINUTE, false));
        LoginThrottle trusting = new LoginThrottle(new LoginProperties(FIVE_PER_MINUTE, THIRTY_PER_MINUTE, true));

        assertThat(untrusting.clientAddress(from("192.0.2.7", "203.0.113.9"))).isEqualTo("192.0.2.7");
        assertThat(trusting.clientAddress(from("192.0.2.7", "198.51.100.1, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(trusting.clientAddress(from("192.0.2.7"))).isEqualTo("192.0.2.7");
    }

    @Test
    void theSixthFailureOfAnAccountWithinAMinuteIsRefusedWithTheTimeToWait() {
        LoginThrottle throttle = new LoginThrottle(new LoginProperties(FIVE_PER_MINUTE, THIRTY_PER_MINUTE, false));
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("mark@example.com", from("192.0.2.7"))).isInstanceOf(LoginThrottle.Allowed.class);
        }
        LoginThrottle.Outcome sixth = throttle.attempt("mark@example.com", from("192.0.2.7"));

        assertThat(sixth).isInstanceOf(LoginThrottle.Refused.class);
        assertThat(((LoginThrottle.Refused) sixth).retryAfter()).isGreaterThan(Duration.ofSeconds(11))
                .isLessThanOrEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aSuccessfulLoginDoesNotCountAsAFailure() {
        LoginThrottle throttle = new LoginThrottle(new LoginProperties(FIVE_PER_MINUTE, THIRTY_PER_MINUTE, false));
        for (int i = 0; i < 20; i++) {
            LoginThrottle.Outcome outcome = throttle.attempt("mark@example.com", from("192.0.2.7"));
            assertThat(outcome).isInstanceOf(LoginThrottle.Allowed.class);
            ((LoginThrottle.Allowed) outcome).succeeded();
        }
    }

    @Test
    void anAddressIsLimitedAcrossAccountsButNotByOneAccountsRefusals() {
        LoginThrottle throttle = new LoginThrottle(new LoginProperties(FIVE_PER_MINUTE,
                new LoginProperties.Limit(8, Duration.ofMinutes(1)), false));
        for (int i = 0; i < 5; i++) {
            throttle.attempt("first@example.com", from("192.0.2.7"));
        }
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.attempt("first@example.com", from("192.0.2.7"))).isInstanceOf(LoginThrottle.Refused.class);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.attempt("other" + i + "@example.com", from("192.0.2.7"))).isInstanceOf(LoginThrottle.Allowed.class);
        }
        assertThat(throttle.attempt("another@example.com", from("192.0.2.7"))).isInstanceOf(LoginThrottle.Refused.class);
        assertThat(throttle.attempt("another@example.com", from("192.0.2.8"))).isInstanceOf(LoginThrottle.Allowed.class);
    }
}
