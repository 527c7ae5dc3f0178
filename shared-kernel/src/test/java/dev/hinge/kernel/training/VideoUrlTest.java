package dev.hinge.kernel.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class VideoUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://youtu.be/dQw4w9WgXcQ", "http://videos.example.com/mark/deadlift-365.mp4",
            "https://example.com:8443/v?id=42&t=13s", "HTTPS://Example.com/clip", "http://192.168.1.20/set.mov"})
    void acceptsAnHttpOrHttpsUrlWithAHost(String url) {
        assertThat(VideoUrl.of(url).value()).isEqualTo(url);
    }

    @Test
    void stripsSurroundingWhitespace() {
        assertThat(VideoUrl.of("  https://youtu.be/abc \n")).hasToString("https://youtu.be/abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/clip.mp4", "javascript:alert(1)", "JavaScript://example.com/%0Aalert(1)",
            "file:///home/mark/clip.mp4", "data:text/html,hi", "mailto:coach@example.com"})
    void refusesSchemesOtherThanHttpAndHttps(String url) {
        refusedAsInvalid(() -> VideoUrl.of(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http:///clip.mp4", "https:/clip.mp4", "https:clip.mp4", "example.com/clip.mp4",
            "/videos/clip.mp4"})
    void refusesAUrlWithoutAHost(String url) {
        refusedAsInvalid(() -> VideoUrl.of(url));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "https://exa mple.com/clip", "https://example.com/<script>"})
    void refusesMissingOrMalformedUrls(String url) {
        refusedAsInvalid(() -> VideoUrl.of(url));
    }

    @Test
    void acceptsUpTo2048Characters() {
        String prefix = "https://example.com/";
        String longest = prefix + "a".repeat(VideoUrl.MAX_LENGTH - prefix.length());

        assertThat(VideoUrl.of(longest).value()).hasSize(2048);
        refusedAsInvalid(() -> VideoUrl.of(longest + "a"));
    }
}
