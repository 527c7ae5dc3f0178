package dev.hinge.kernel.training;

import dev.hinge.kernel.common.DomainException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A link to lift footage: an absolute http or https URL with a host, at most 2048 characters. */
public record VideoUrl(String value) {
    public static final int MAX_LENGTH = 2048;

    public VideoUrl {
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
    }

    @Override
    public String toString() {
        return value;
    }
}
