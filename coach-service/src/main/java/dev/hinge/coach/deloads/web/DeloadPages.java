package dev.hinge.coach.deloads.web;

import dev.hinge.coach.web.Display;
import dev.hinge.coach.web.FormState;
import dev.hinge.coach.web.PageForm;
import dev.hinge.coach.web.Pages;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.LoadBody;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import dev.hinge.platform.pages.PageController;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The deload form of the coach's athlete page, in two steps: a preview of the exact and the rounded load ("scale to
 * 50%" of 365 lb: 182.5 lb exact, 180 lb on the bar), worked out by {@link DeloadPrescriptions#preview} (the
 * kernel's {@link Deload#of}, as the relationship applies it), then a confirm button that prescribes exactly what
 * was previewed (the reference max the preview settled on included). Both steps read the form with the API's
 * {@link DeloadPrescriptions#read}; its refusals show next to their boxes (the API's {@code instruction}, which the
 * page gives as a percent, next to the percent box) and nothing is prescribed.
 */
@PageController
class DeloadPages {
    private final DeloadPrescriptions prescriptions;
    private final Clock clock;

    DeloadPages(DeloadPrescriptions prescriptions, Clock clock) {
        this.prescriptions = prescriptions;
        this.clock = clock;
    }

    /** What the preview shows, and the boxes its confirm button sends. */
    record Preview(String percent, String referenceMax, String exactLoad, String roundedLoad, String plateStep,
                   Map<String, String> confirm) {
    }

    @PostMapping("/coach/athletes/{athleteId}/deloads/preview")
    Mono<Rendering> preview(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId, ServerWebExchange exchange) {
        UUID coach = CurrentUser.id(jwt);
        boolean htmx = Pages.htmx(exchange);
        return exchange.getFormData().flatMap(values -> {
            PageForm form = form(values);
            return Blocking.call(() -> {
                DeloadPrescriptions.Order order = form.read(() -> DeloadPrescriptions.read(athleteId, request(form), clock.instant()));
                return preview(order, prescriptions.preview(coach, order), form.id("id"));
            }).map(preview -> section(athleteId, FormState.refused(values, Map.of()), preview, htmx, HttpStatus.OK))
                    .onErrorResume(PageForm::isRefusal, e -> Mono.just(refused(athleteId, values, form, e, htmx)))
                    .onErrorResume(Pages::notFound, e -> Mono.just(Pages.notFoundPage()));
        });
    }

    @PostMapping("/coach/athletes/{athleteId}/deloads")
    Mono<Rendering> prescribe(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId, ServerWebExchange exchange) {
        UUID coach = CurrentUser.id(jwt);
        boolean htmx = Pages.htmx(exchange);
        return exchange.getFormData().flatMap(values -> {
            PageForm form = form(values);
            UUID id = form.id("id");
            return Blocking.defer(() -> {
                DeloadPrescriptions.Order order = form.read(() -> DeloadPrescriptions.read(athleteId, request(form), clock.instant()));
                return prescriptions.prescribe(coach, order, new DeloadId(id == null ? UUID.randomUUID() : id));
            }).map(prescribed -> {
                Deload deload = prescribed.deload();
                String unit = Slugs.of(deload.referenceMax().unit());
                return htmx
                        ? section(athleteId, FormState.fresh(Map.of("exercise", prescribed.exercise().slug()),
                                "Deload prescribed: " + Display.number(deload.percent().value()) + "% of "
                                        + Display.load(deload.referenceMax().value(), unit) + ", "
                                        + Display.load(deload.roundedLoad().value(), unit) + " on the bar (exact "
                                        + Display.load(deload.exactLoad().value(), unit) + ")."), null, true, HttpStatus.OK)
                        : Rendering.redirectTo("/coach/athletes/" + athleteId).build();
            }).onErrorResume(PageForm::isRefusal, e -> Mono.just(refused(athleteId, values, form, e, htmx)))
                    .onErrorResume(Pages::notFound, e -> Mono.just(Pages.notFoundPage()));
        });
    }

    private static PageForm form(MultiValueMap<String, String> values) {
        return new PageForm(values).showing("instruction", "percent");
    }

    /** The form as the API's request: the percent box is {@code percent}; an empty reference max box is none given. */
    private static DeloadController.DeloadRequest request(PageForm form) {
        LoadBody referenceMax = form.text("referenceMax.value") == null ? null
                : new LoadBody(form.decimal("referenceMax.value"), form.text("referenceMax.unit"));
        return new DeloadController.DeloadRequest(form.id("id"), form.text("exercise"), null, form.decimal("percent"),
                referenceMax, null);
    }

    private static Preview preview(DeloadPrescriptions.Order order, Deload deload, UUID id) {
        String unit = Slugs.of(deload.referenceMax().unit());
        Map<String, String> confirm = Map.of(
                "id", (id == null ? UUID.randomUUID() : id).toString(),
                "exercise", order.exercise().slug(),
                "percent", Display.number(deload.percent().value()),
                "referenceMax.value", Display.number(deload.referenceMax().value()),
                "referenceMax.unit", unit);
        return new Preview(Display.number(deload.percent().value()), Display.load(deload.referenceMax().value(), unit),
                Display.load(deload.exactLoad().value(), unit), Display.load(deload.roundedLoad().value(), unit),
                Display.load(deload.referenceMax().unit().defaultPlateStep(), unit), confirm);
    }

    private static Rendering refused(String athleteId, MultiValueMap<String, String> values, PageForm form, Throwable e,
                                     boolean htmx) {
        return section(athleteId, FormState.refused(values, form.errors(e)), null, htmx,
                HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private static Rendering section(String athleteId, FormState deload, Preview preview, boolean fragment,
                                     HttpStatus status) {
        Rendering.Builder<?> view = Rendering.view(fragment ? "coach/deloads :: section" : "coach/deloads")
                .modelAttribute("athleteId", athleteId)
                .modelAttribute("deload", deload)
                .status(status);
        if (preview != null) {
            view.modelAttribute("preview", preview);
        }
        return view.build();
    }
}
