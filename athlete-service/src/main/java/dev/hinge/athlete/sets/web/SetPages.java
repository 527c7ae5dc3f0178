package dev.hinge.athlete.sets.web;

import dev.hinge.athlete.videos.UploadedParts;
import dev.hinge.athlete.videos.VideoUploads;
import dev.hinge.athlete.web.HomeSection;
import dev.hinge.athlete.web.LogRequests;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.timeline.Timeline;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.kernel.timeline.TimelineItemType;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.kernel.training.LogSetCommand;
import dev.hinge.kernel.training.LoggedSet;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.kernel.training.WeightUnit;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.pages.PageController;
import dev.hinge.platform.problem.FieldError;
import dev.hinge.platform.problem.FieldRefusedException;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import dev.hinge.platform.web.LoadBody;
import dev.hinge.readside.timeline.TimelineProjection;
import dev.hinge.readside.timeline.TimelineUpdates.Recorded;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The athlete's home page, and logging a set from it: the form repeats the last set (exercise, load, reps, RPE, the
 * checklist) so that a set like the last takes one tap, "no pain" included. The form is read into the API's request and
 * validated by the API's own code ({@link SetController#command}), errors under the API's field names beside their
 * inputs; a video file goes through the API's upload code ({@link VideoUploads}), checked as it arrives.
 */
@PageController
class SetPages {
    /** The set form's text fields: the API's field names. The file input is {@value UploadedParts#FILE}. */
    static final List<String> TEXT_FIELDS = List.of("exercise", "load.value", "load.unit", "reps", "rpe", "pain.score",
            "pain.quality", "pain.location", "notes", "videoUrl");
    /** The submit button that logs the set as pain-free: pain 0, quality none. */
    static final String NO_PAIN = "noPain";
    static final String CHECKLIST = "checklist.";
    private static final Set<String> FORM_FIELDS = formFields();
    private static final int LAST_SET_LOOKBACK = 50;

    private final Commands commands;
    private final Clock clock;
    private final VideoUploads uploads;
    private final TimelineProjection timeline;
    private final List<HomeSection> sections;

    SetPages(Commands commands, Clock clock, VideoUploads uploads, TimelineProjection timeline, List<HomeSection> sections) {
        this.commands = commands;
        this.clock = clock;
        this.uploads = uploads;
        this.timeline = timeline;
        this.sections = sections;
    }

    /** What the form shows: its values by field name, the ticked checklist items, and each field's error. */
    record SetForm(Map<String, String> values, Set<String> checked, Map<String, String> errors, String logged) {
        String value(String field) {
            return values.get(field);
        }
    }

    @GetMapping("/athlete/")
    Mono<Rendering> home(@AuthenticationPrincipal Jwt jwt) {
        UUID athlete = CurrentUser.id(jwt);
        return lastSet(athlete).flatMap(form -> home(athlete, form, HttpStatus.OK));
    }

    private Mono<Rendering> home(UUID athlete, SetForm form, HttpStatus status) {
        return Flux.fromIterable(sections).concatMap(section -> section.model(athlete))
                .collect(LinkedHashMap<String, Object>::new, Map::putAll)
                .map(model -> {
                    model.putAll(formModel(form));
                    return Rendering.view("athlete/home").model(model).status(status).build();
                });
    }

    /**
     * The form, sent by htmx as {@code multipart/form-data}: 200 with a fresh form (the set just logged repeated) once
     * logged, or 422 with the form as sent and each refusal beside its field; nothing is applied then.
     */
    @PostMapping(path = "/athlete/sets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Rendering> logSet(@AuthenticationPrincipal Jwt jwt, @RequestBody Flux<PartEvent> parts, ServerHttpRequest request) {
        UUID athlete = CurrentUser.id(jwt);
        return uploads.receive(parts, request.getHeaders().getContentLength(), FORM_FIELDS, true,
                        upload -> Blocking.defer(() -> logSet(athlete, upload)))
                .onErrorResume(FieldRefusedException.class, refused -> lastSet(athlete).map(last -> form(
                        new SetForm(last.values(), last.checked(), Map.of(refused.error().field(), refused.error().message()), null),
                        HttpStatus.UNPROCESSABLE_ENTITY)));
    }

    private Mono<Rendering> logSet(UUID athlete, UploadedParts.Upload upload) {
        Map<String, String> values = values(upload.fields());
        Set<String> checked = checked(upload.fields());
        RequestFields fields = new RequestFields();
        LogSetCommand command;
        try {
            command = SetController.command(fields, athlete, request(fields, values, checked, upload.fields().containsKey(NO_PAIN)),
                    null, clock.instant());
        } catch (InvalidRequestException | DomainException refused) {
            return Mono.just(form(new SetForm(values, checked, errors(refused), null), HttpStatus.UNPROCESSABLE_ENTITY));
        }
        return commands.<LoggedSet>send(command)
                .flatMap(logged -> !upload.hasFile() ? Mono.just(logged)
                        : uploads.attach(athlete, new VideoId(Idempotency.idFor(null, athlete, null, "video")),
                        command.setId().value(), upload, null, clock.instant()).thenReturn(logged))
                .map(logged -> form(repeat(logged.set().exercise().slug(), values, checked,
                        Timeline.describe(logged.set()).orElseThrow().summary()), HttpStatus.OK));
    }

    /**
     * The form's text read into the API's request. A number that is not one is refused here, in the API's words for a
     * JSON value of the wrong type; everything else is left to {@link SetController#command}.
     */
    static SetController.LogSetRequest request(RequestFields fields, Map<String, String> values, Set<String> checked,
                                               boolean noPain) {
        BigDecimal loadValue = number(fields, values, "load.value", BigDecimal::new, "a number");
        String unit = values.get("load.unit");
        LoadBody load = loadValue == null && unit == null && !values.containsKey("load.value") ? null
                : new LoadBody(loadValue, unit);
        Integer reps = number(fields, values, "reps", Integer::valueOf, "a whole number");
        BigDecimal rpe = number(fields, values, "rpe", BigDecimal::new, "a number");
        LogRequests.PainBody pain;
        if (noPain) {
            pain = new LogRequests.PainBody(0, null, Slugs.of(PainQuality.NONE));
        } else if (values.containsKey("pain.score") || values.containsKey("pain.quality") || values.containsKey("pain.location")) {
            pain = new LogRequests.PainBody(number(fields, values, "pain.score", Integer::valueOf, "a whole number"),
                    values.get("pain.location"), values.get("pain.quality"));
        } else {
            pain = null; // "not reported", never "no pain"
        }
        return new SetController.LogSetRequest(null, values.get("exercise"), load, reps, rpe, null, pain,
                List.copyOf(checked), values.get("videoUrl"), values.get("notes"));
    }

    private static <T> T number(RequestFields fields, Map<String, String> values, String field,
                                java.util.function.Function<String, T> parse, String what) {
        String raw = values.get(field);
        if (raw == null) {
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (NumberFormatException e) {
            fields.reject(field, "must be " + what);
            return null;
        }
    }

    /** Field to message; the first refusal of a field is the one shown (a number that is not one is not also "required"). */
    private static Map<String, String> errors(RuntimeException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refused instanceof InvalidRequestException invalid) {
            for (FieldError error : invalid.errors()) {
                errors.putIfAbsent(error.field(), error.message());
            }
        } else if (refused instanceof DomainException domain) {
            errors.put(domain.field() == null ? "form" : domain.field(), domain.getMessage());
        }
        return errors;
    }

    /** The set form with the athlete's last set in it (or a deadlift in kg for a first set). */
    private Mono<SetForm> lastSet(UUID athlete) {
        return Blocking.call(() -> timeline.store().newestFirst(athlete, null, 0, LAST_SET_LOOKBACK)).map(rows -> {
            String setLogged = Slugs.of(TimelineItemType.SET_LOGGED);
            return rows.stream().map(Recorded::item).filter(item -> setLogged.equals(item.type())).findFirst()
                    .map(SetPages::repeat)
                    .orElseGet(() -> new SetForm(Map.of("exercise", "deadlift", "load.unit", "kg"), Set.of(), Map.of(), null));
        });
    }

    @SuppressWarnings("unchecked")
    private static SetForm repeat(TimelineItem set) {
        Map<String, Object> data = set.data();
        Map<String, String> values = new HashMap<>();
        values.put("exercise", String.valueOf(data.get("exercise")));
        if (data.get("load") instanceof Map<?, ?> load) {
            values.put("load.value", plain(load.get("value")));
            values.put("load.unit", String.valueOf(load.get("unit")));
        }
        values.put("reps", plain(data.get("reps")));
        values.put("rpe", plain(data.get("rpe")));
        Set<String> checked = new LinkedHashSet<>();
        if (data.get("checklist") instanceof List<?> list) {
            list.forEach(item -> checked.add(String.valueOf(item)));
        }
        return new SetForm(values, checked, Map.of(), null);
    }

    /** After a set is logged: the form again with what repeats (not pain, notes or video), and what was logged. */
    private static SetForm repeat(String exercise, Map<String, String> sent, Set<String> checked, String summary) {
        Map<String, String> values = new HashMap<>();
        values.put("exercise", exercise);
        for (String field : List.of("load.value", "load.unit", "reps", "rpe")) {
            if (sent.get(field) != null) {
                values.put(field, sent.get(field));
            }
        }
        return new SetForm(values, checked, Map.of(), summary);
    }

    private static String plain(Object number) {
        if (number == null) {
            return null;
        }
        return number instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
                : new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }

    private static Rendering form(SetForm form, HttpStatus status) {
        return Rendering.view("athlete/sets :: form").model(formModel(form)).status(status).build();
    }

    private static Map<String, Object> formModel(SetForm form) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("values", form.values());
        model.put("checked", form.checked());
        model.put("errors", form.errors());
        model.put("logged", form.logged());
        model.put("checklistItems", Arrays.stream(ChecklistItem.values()).map(Slugs::of).toList());
        model.put("units", Arrays.stream(WeightUnit.values()).map(Slugs::of).toList());
        model.put("painQualities", Arrays.stream(PainQuality.values()).map(Slugs::of).toList());
        return model;
    }

    /** The text parts, blank ones left out (a blank input is a value not given). */
    private static Map<String, String> values(Map<String, String> parts) {
        Map<String, String> values = new HashMap<>();
        for (String field : TEXT_FIELDS) {
            String value = parts.get(field);
            if (value != null && !value.isBlank()) {
                values.put(field, value.strip());
            }
        }
        return values;
    }

    private static Set<String> checked(Map<String, String> parts) {
        Set<String> checked = new LinkedHashSet<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            if (parts.containsKey(CHECKLIST + Slugs.of(item))) {
                checked.add(Slugs.of(item));
            }
        }
        return checked;
    }

    private static Set<String> formFields() {
        Set<String> fields = new HashSet<>(TEXT_FIELDS);
        fields.add(NO_PAIN);
        fields.add("_csrf");
        Arrays.stream(ChecklistItem.values()).forEach(item -> fields.add(CHECKLIST + Slugs.of(item)));
        return Set.copyOf(fields);
    }
}
