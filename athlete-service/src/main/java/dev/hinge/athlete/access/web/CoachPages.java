package dev.hinge.athlete.access.web;

import dev.hinge.athlete.access.CoachesGrantedProjection;
import dev.hinge.athlete.access.query.KnownCoachesProjection;
import dev.hinge.kernel.access.InviteCode;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.platform.pages.PageController;
import dev.hinge.platform.problem.FieldError;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Params;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who sees the athlete's data: the coaches granted, granting one by invite code or email, revoking (after a confirm
 * step), and the page a coach's invite link opens. Grants and revokes go through {@link CoachAccessController}'s own
 * code, so the page refuses what the API refuses, under the same field names.
 */
@PageController
class CoachPages {
    /** An athlete grants a handful of coaches; the page shows this many. */
    private static final int SHOWN = 100;

    private final CoachAccessController access;
    private final CoachesGrantedProjection granted;
    private final KnownCoachesProjection coaches;

    CoachPages(CoachAccessController access, CoachesGrantedProjection granted, KnownCoachesProjection coaches) {
        this.access = access;
        this.granted = granted;
        this.coaches = coaches;
    }

    @GetMapping("/athlete/coaches")
    Mono<Rendering> coaches(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String done) {
        String said = done == null ? null : switch (done) {
            case "granted" -> "Access granted: your coach now sees your sets, pain reports and videos.";
            case "offered" -> "Offer sent: the coach with that address gets access once they accept it.";
            case "revoked" -> "Access revoked.";
            default -> null;
        };
        return page(CurrentUser.id(jwt), Map.of(), Map.of(), said, HttpStatus.OK);
    }

    /**
     * Grant by invite code, or offer by email: 303 back to the list once done (with what happened), 422 with the
     * form and its errors when refused; nothing is applied then.
     */
    @PostMapping("/athlete/coaches")
    Mono<Rendering> grant(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        UUID athlete = CurrentUser.id(jwt);
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (String field : new String[]{"inviteCode", "coachEmail"}) {
                String value = form.getFirst(field);
                if (value != null && !value.isBlank()) {
                    values.put(field, value.strip());
                }
            }
            CoachAccessController.GrantRequest request = new CoachAccessController.GrantRequest(null,
                    values.get("inviteCode"), values.get("coachEmail"), null);
            return Mono.defer(() -> access.grant(athlete, request, null))
                    .map(answer -> Rendering.redirectTo("/athlete/coaches?done="
                            + (answer.getStatusCode().value() == 202 ? "offered" : "granted")).build())
                    .onErrorResume(e -> e instanceof InvalidRequestException || isFieldRefusal(e),
                            e -> page(athlete, values, errors((RuntimeException) e), null, HttpStatus.UNPROCESSABLE_ENTITY));
        });
    }

    /** The confirm step before a revoke. */
    @GetMapping("/athlete/coaches/{coachId}/revoke")
    Mono<Rendering> confirmRevoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String coachId) {
        UUID athlete = CurrentUser.id(jwt);
        UUID coach = Params.pathId("coachId", coachId);
        return Blocking.call(() -> granted.page(athlete, 0, SHOWN).stream()
                        .filter(g -> g.coachId().equals(coach)).findFirst()
                        .orElseThrow(() -> DomainException.notFound("This coach has no access")))
                .map(grant -> Rendering.view("athlete/revoke").modelAttribute("coach", grant).build());
    }

    @PostMapping("/athlete/coaches/{coachId}/revoke")
    Mono<Rendering> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String coachId) {
        return Mono.defer(() -> access.revoke(CurrentUser.id(jwt), coachId))
                .thenReturn(Rendering.redirectTo("/athlete/coaches?done=revoked").build());
    }

    /** The page a coach's invite link opens: which coach, and one button to grant them access. */
    @GetMapping("/athlete/invite/{code}")
    Mono<Rendering> invite(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
        return Blocking.call(() -> InviteCode.parse(code).flatMap(coaches::byInviteCode)
                        .map(coach -> new Invite(InviteCode.parse(code).orElseThrow().value(), coach,
                                coaches.displayName(coach).orElse("Your coach")))
                        .orElseThrow(() -> DomainException.notFound("This invite code is not a coach's current code")))
                .map(invite -> Rendering.view("athlete/invite").modelAttribute("invite", invite).build());
    }

    record Invite(String code, UUID coachId, String coachName) {
    }

    private Mono<Rendering> page(UUID athlete, Map<String, String> values, Map<String, String> errors, String done,
                                 HttpStatus status) {
        return Blocking.call(() -> granted.page(athlete, 0, SHOWN)).map(list -> Rendering.view("athlete/coaches")
                .modelAttribute("coaches", list).modelAttribute("values", values).modelAttribute("errors", errors)
                .modelAttribute("done", done == null ? "" : done).status(status).build());
    }

    private static boolean isFieldRefusal(Throwable e) {
        return e instanceof DomainException domain && domain.field() != null;
    }

    private static Map<String, String> errors(RuntimeException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refused instanceof InvalidRequestException invalid) {
            for (FieldError error : invalid.errors()) {
                errors.putIfAbsent(error.field(), error.message());
            }
        } else if (refused instanceof DomainException domain) {
            errors.put(domain.field(), domain.getMessage());
        }
        return errors;
    }
}
