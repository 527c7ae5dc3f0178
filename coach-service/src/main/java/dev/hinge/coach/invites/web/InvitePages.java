package dev.hinge.coach.invites.web;

import dev.hinge.platform.security.CurrentUser;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import dev.hinge.platform.pages.PageController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The coach's invite code and link to hand to athletes (the same as {@code GET /api/v1/me/invite}), in a form that
 * is easy to copy, and a button that replaces it (the same as {@code POST /api/v1/me/invite}: the old code stops
 * working).
 */
@PageController
class InvitePages {
    private final InviteCodes codes;

    InvitePages(InviteCodes codes) {
        this.codes = codes;
    }

    /** The code, and its link whole (a link given as a path is completed with the address the page was asked at). */
    record Shown(String code, String link, String notice) {
    }

    @GetMapping("/coach/invite")
    Mono<Rendering> invite(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request) {
        return codes.issue(CurrentUser.id(jwt), false)
                .map(invite -> Rendering.view("coach/invite").modelAttribute("invite", shown(invite, request, null)).build());
    }

    @PostMapping("/coach/invite")
    Mono<Rendering> replace(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        return codes.issue(CurrentUser.id(jwt), true).map(invite -> htmx == null
                ? Rendering.redirectTo("/coach/invite").build()
                : Rendering.view("coach/invite :: code").modelAttribute("invite",
                        shown(invite, request, "A new code: the old one no longer works.")).build());
    }

    private static Shown shown(InviteController.Invite invite, ServerHttpRequest request, String notice) {
        String link = invite.url().startsWith("/")
                ? UriComponentsBuilder.fromUri(request.getURI()).replacePath(invite.url()).replaceQuery(null).build().toUriString()
                : invite.url();
        return new Shown(invite.code(), link, notice == null ? "" : notice);
    }
}
