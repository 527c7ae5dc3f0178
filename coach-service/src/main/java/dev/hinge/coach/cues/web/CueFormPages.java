package dev.hinge.coach.cues.web;

import dev.hinge.coach.web.Display;
import dev.hinge.coach.web.FormState;
import dev.hinge.coach.web.PageForm;
import dev.hinge.coach.web.Pages;
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
 * The cue form of the coach's athlete page (the review page has its own): read by
 * {@link CueController#read}, the API's own reading, so it refuses
 * what the API refuses under the same field names, shown next to their boxes with nothing assigned. htmx swaps the
 * answer (the form again, with a notice or the refusals) in place; a plain post is answered with the athlete page or
 * a page of the form alone.
 */
@PageController
class CueFormPages {
    private final CueController cues;
    private final Clock clock;

    CueFormPages(CueController cues, Clock clock) {
        this.cues = cues;
        this.clock = clock;
    }

    @PostMapping("/coach/athletes/{athleteId}/cues")
    Mono<Rendering> assign(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId, ServerWebExchange exchange) {
        UUID coach = CurrentUser.id(jwt);
        boolean htmx = Pages.htmx(exchange);
        return exchange.getFormData().flatMap(values -> {
            PageForm form = new PageForm(values);
            UUID id = form.id("id");
            CueController.CueRequest request = new CueController.CueRequest(id, form.text("text"),
                    form.text("exercise"), form.text("fault"), null, null, null);
            return Blocking.defer(() -> {
                CueController.Cue cue = form.read(() -> CueController.read(athleteId, request, clock.instant()));
                return cues.send(coach, cue, id == null ? UUID.randomUUID() : id);
            }).map(assigned -> htmx
                    ? section(athleteId, FormState.fresh(Map.of("exercise", assigned.exercise().slug()),
                            "Cue \u201c" + assigned.text() + "\u201d assigned."), true, HttpStatus.OK)
                    : Rendering.redirectTo("/coach/athletes/" + athleteId).build())
                    .onErrorResume(PageForm::isRefusal, e -> Mono.just(section(athleteId,
                            FormState.refused(values, form.errors(e)), htmx, HttpStatus.UNPROCESSABLE_ENTITY)))
                    .onErrorResume(Pages::notFound, e -> Mono.just(Pages.notFoundPage()));
        });
    }

    private static Rendering section(String athleteId, FormState cue, boolean fragment, HttpStatus status) {
        return Rendering.view(fragment ? "coach/cues :: section" : "coach/cues")
                .modelAttribute("athleteId", athleteId)
                .modelAttribute("cue", cue)
                .modelAttribute("faults", Display.FAULTS)
                .status(status)
                .build();
    }
}
