package dev.hinge.coach.web;

import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.ErrorCode;
import dev.hinge.platform.pages.PageErrors;
import dev.hinge.platform.problem.FieldError;
import dev.hinge.platform.problem.InvalidRequestException;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A submitted page form, turned into the request record its API route reads: an empty box is a field left out,
 * a number box holds a decimal or is refused as one. The reading of the request itself is the API's (the form hands
 * the record to the same method), so the refusals name the API's fields; the page shows each next to its box.
 */
public final class PageForm {
    private final MultiValueMap<String, String> values;
    private final List<FieldError> refused = new ArrayList<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    public PageForm(MultiValueMap<String, String> values) {
        this.values = values;
    }

    /** The box's text, or null when it is empty or absent (as a field left out of a JSON body). */
    public String text(String name) {
        String value = values.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The box's number, null when empty; text that is no number is refused under {@code name}. */
    public BigDecimal decimal(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            refused.add(new FieldError(name, "must be a number"));
            return null;
        }
    }

    /** A hidden id the page put in the form (a repeat of the form is then one thing); null when absent or garbled. */
    public UUID id(String name) {
        String value = text(name);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Shows the API's refusals of {@code apiField} at this form's box {@code box} (the page's way to give it). */
    public PageForm showing(String apiField, String box) {
        aliases.put(apiField, box);
        return this;
    }

    /**
     * What {@code reading} (the API's reading of the request) makes of the form; a refusal of the form's own boxes or
     * of the reading throws one {@link InvalidRequestException} with all of them, the form's first.
     */
    public <T> T read(Supplier<T> reading) {
        T read = null;
        List<FieldError> readingErrors = List.of();
        try {
            read = reading.get();
        } catch (InvalidRequestException e) {
            readingErrors = e.errors();
        }
        // the form's own refusals are known once the reading has taken its boxes
        List<FieldError> errors = new ArrayList<>(refused);
        errors.addAll(readingErrors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return read;
    }

    /**
     * The refusals to show next to the form's boxes, box -> message (as {@link PageErrors} words them), when {@code failure} is a
     * refusal of the request's fields; empty for anything else (not found, a conflict), which is no form error.
     */
    public Map<String, String> errors(Throwable failure) {
        Map<String, String> shown = new LinkedHashMap<>();
        fieldErrors(failure).map(errors -> PageErrors.of(new InvalidRequestException(errors))).orElse(Map.of())
                .forEach((field, message) -> shown.putIfAbsent(aliases.getOrDefault(field, field), message));
        return shown;
    }

    /** Whether {@code failure} refuses the request's fields (a 400 in the API). */
    public static boolean isRefusal(Throwable failure) {
        return fieldErrors(failure).isPresent();
    }

    private static Optional<List<FieldError>> fieldErrors(Throwable failure) {
        if (failure instanceof InvalidRequestException invalid) {
            return Optional.of(invalid.errors());
        }
        if (failure instanceof DomainException domain && domain.code() == ErrorCode.INVALID_VALUE) {
            return Optional.of(List.of(new FieldError(domain.field() == null ? "body" : domain.field(), domain.getMessage())));
        }
        return Optional.empty();
    }
}
