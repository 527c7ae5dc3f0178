package dev.hinge.coach.web;

import dev.hinge.platform.problem.InvalidRequestException;
import org.springframework.util.MultiValueMap;


import java.math.BigDecimal;
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
}
