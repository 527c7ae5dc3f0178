package dev.hinge.kernel.training;

import dev.hinge.kernel.common.DomainException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where lift footage is. A link a person sends goes through {@link #of}: an absolute http or https URL with a host,
 * at most 2048 characters. An uploaded video's is the platform's own address of it, {@link #uploaded}: a path that
 * both services serve, each to the readers it allows, so a client resolves it against the service it asked. The
 * canonical constructor only requires a value, so a stored url reads back as it was.
 */
public record VideoUrl(String value) {
    public static final int MAX_LENGTH = 2048;
    /** The path under which both services play uploaded videos, followed by the video's id. */
    public static final String UPLOADED_PATH = "/api/v1/videos/";

    public VideoUrl {
        Objects.requireNonNull(value, "video url");
    }

    /** A link a person sends, stripped of surrounding white space. */
    public static VideoUrl of(String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("is required");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw DomainException.invalid("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw DomainException.invalid("must be a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw DomainException.invalid("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw DomainException.invalid("must name a host");
        }
        return new VideoUrl(value);
    }

    /** The platform's own address of an uploaded video. */
    public static VideoUrl uploaded(VideoId video) {
        return new VideoUrl(UPLOADED_PATH + video);
    }

    @Override
    public String toString() {
        return value;
    }
}
