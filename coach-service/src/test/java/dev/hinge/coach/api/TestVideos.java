package dev.hinge.coach.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real small video made by ffmpeg for the test: 2 s of its test pattern, 160x120, 30 frames a second. */
final class TestVideos {
    private TestVideos() {
    }

    static byte[] twoSecondsAt30Fps() throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("review-video");
        Path video = folder.resolve("x.mp4");
        Process ffmpeg = new ProcessBuilder("/usr/bin/ffmpeg", "-v", "error", "-y", "-f", "lavfi",
                "-i", "testsrc=duration=2:size=160x120:rate=30", "-pix_fmt", "yuv420p", video.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("ffmpeg.log").toFile()).start();
        if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            ffmpeg.destroyForcibly();
            throw new IllegalStateException("ffmpeg failed: " + Files.readString(folder.resolve("ffmpeg.log")));
        }
        byte[] bytes = Files.readAllBytes(video);
        Files.delete(video);
        Files.delete(folder.resolve("ffmpeg.log"));
        Files.delete(folder);
        return bytes;
    }
}
