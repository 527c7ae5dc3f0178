package dev.hinge.coach.web;

import org.springframework.util.MultiValueMap;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What one form on a coach's page shows: the values in its boxes, the refusal next to each refused box (box ->
 * message) and a notice once it did its work. A fresh form carries a new {@code id}, so sending it twice records
 * one thing (the API's client-given ids are idempotent).
 */
public record FormState(Map<String, String> values, Map<String, String> errors, String notice) {
    public FormState {
        values = Map.copyOf(values);
        errors = Map.copyOf(errors);
        notice = notice == null ? "" : notice;
    }

    /** An empty form but for {@code values}, with a new id and {@code notice}. */
    public static FormState fresh(Map<String, String> values, String notice) {
        Map<String, String> boxes = new HashMap<>(values);
        boxes.put("id", UUID.randomUUID().toString());
        return new FormState(boxes, Map.of(), notice);
    }

    /** The form as submitted (its id kept, so a corrected form still records one thing), with its refusals. */
    public static FormState refused(MultiValueMap<String, String> submitted, Map<String, String> errors) {
        Map<String, String> boxes = new HashMap<>();
        submitted.forEach((name, list) -> {
            if (!list.isEmpty() && list.get(0) != null && !name.startsWith("_")) {
                boxes.put(name, list.get(0));
            }
        });
        return new FormState(boxes, errors, null);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The box's value, or "" (so a template never prints "null"). */
    public String value(String box) {
        return values.getOrDefault(box, "");
    }

    /** The refusal of {@code box}, or null. */
    public String error(String box) {
        return errors.get(box);
    }
}
