package dev.hinge.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The tiny real videos under {@code src/test/resources/videos} (see its README), for every module's tests. */
public final class Videos {
    public static final String MP4 = "lift.mp4";
    public static final String WEBM = "lift.webm";
    public static final String MOV = "lift.mov";

    private Videos() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Videos.class.getResourceAsStream("/videos/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test video " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
