package dev.hinge.coach.clearances.web;

import dev.hinge.coach.web.FormState;
import dev.hinge.coach.web.PageForm;
import dev.hinge.coach.web.Pages;
import dev.hinge.kernel.coaching.ClearanceId;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import dev.hinge.platform.pages.PageController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The clearance form of the coach's athlete page (lift a red-flag hold once the athlete was evaluated): read by
 * {@link Clearances#read}, the API's own reading, so its refusals are the API's, shown next to their boxes.
 */
@PageController
class ClearancePages {
    private final Clearances clearances;
    private final Clock clock;

    ClearancePages(Clearances clearances, Clock clock) {
        this.clearances = clearances;
        this.clock = clock;
    }

    @PostMapping("/coach/athletes/{athleteId}/clearances")
    Mono<Rendering> clear(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId, ServerWebExchange exchange) {
        UUID coach = CurrentUser.id(jwt);
        boolean htmx = Pages.htmx(exchange);
        return exchange.getFormData().flatMap(values -> {
            PageForm form = new PageForm(values);
            UUID id = form.id("id");
            ClearanceController.ClearanceRequest request = new ClearanceController.ClearanceRequest(id,
                    form.text("exercise"), form.text("notes"), null);
            return Blocking.defer(() -> {
                Clearances.Clearance clearance = form.read(() -> Clearances.read(athleteId, request, clock.instant()));
                return clearances.give(coach, clearance, new ClearanceId(id == null ? UUID.randomUUID() : id));
            }).map(given -> htmx
                    ? section(athleteId, FormState.fresh(Map.of("exercise", given.exercise().slug()),
                            given.exercise().displayName() + ": cleared to train again."), true, HttpStatus.OK)
                    : Rendering.redirectTo("/coach/athletes/" + athleteId).build())
                    .onErrorResume(PageForm::isRefusal, e -> Mono.just(section(athleteId,
                            FormState.refused(values, form.errors(e)), htmx, HttpStatus.UNPROCESSABLE_ENTITY)))
                    .onErrorResume(Pages::notFound, e -> Mono.just(Pages.notFoundPage()));
        });
    }

    private static Rendering section(String athleteId, FormState clearance, boolean fragment, HttpStatus status) {
        return Rendering.view(fragment ? "coach/clearances :: section" : "coach/clearances")
                .modelAttribute("athleteId", athleteId)
                .modelAttribute("clearance", clearance)
                .status(status)
                .build();
    }
}
