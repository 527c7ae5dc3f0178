package dev.hinge.coach.web;

import dev.hinge.platform.problem.InvalidRequestException;
import org.springframework.util.MultiValueMap;

import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.common.Slugs;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a page form adds to the API's reading of a request: form fields are text, so a number is read here before
 * the API's own checks see it, and a refusal names the field as the API's problem would.
 */
public final class PageForms {
    /** Longer than any number a form has reason to send. */
    private static final int MAX_NUMBER_LENGTH = 40;

    private PageForms() {
    }

    /** The named form fields, blank ones as absent (as a JSON body would leave them out). */
    public static Map<String, String> values(MultiValueMap<String, String> form, String... names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            String value = form.getFirst(name);
            values.put(name, value == null || value.isBlank() ? null : value.strip());
        }
        return values;
    }

    /** The number typed in {@code field} ({@code 1.532}; a decimal comma as well), or null when left empty. */
    public static BigDecimal decimal(String field, String text) {
        if (text == null) {
            return null;
        }
        String number = text.strip().replace(',', '.');
        if (number.length() > MAX_NUMBER_LENGTH) {
            throw InvalidRequestException.of(field, "must be a number");
        }
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of(field, "must be a number");
        }
    }

    /** A choice in a form's select: the value sent, the words shown. */
    public record Option(String value, String label) {
    }

    /** The faults a coach can name, by slug, in the kernel's order. */
    public static List<Option> faultOptions() {
        return Arrays.stream(FormFault.values()).map(f -> new Option(Slugs.of(f), label(Slugs.of(f)))).toList();
    }

    /** "Hips rise too fast" for {@code hips_rise_too_fast}. */
    public static String label(String slug) {
        String words = slug.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
