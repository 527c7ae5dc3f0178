package dev.hinge.athlete.access.web;

import dev.hinge.athlete.access.CoachesGrantedProjection;
import dev.hinge.athlete.access.query.KnownCoachesProjection;
import dev.hinge.kernel.access.AccessOfferId;
import dev.hinge.kernel.access.InviteCode;
import dev.hinge.kernel.access.OfferCoachAccessCommand;
import dev.hinge.kernel.access.GrantCoachAccessCommand;
import dev.hinge.kernel.access.RevokeCoachAccessCommand;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.platform.account.AccountController;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.paging.Page;
import dev.hinge.platform.paging.Paging;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.security.EmailDigests;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import dev.hinge.platform.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The athlete decides which coaches see their data: they name a coach by id or by the coach's invite code, or offer
 * access to a coach's email, see whom they granted, and revoke.
 * <p>
 * An offer by email answers the same, in the same way, whatever the address: athlete-service records the offer with
 * the address's keyed digest and never learns whether a coach has it. Coach-service shows the offer to the coach with
 * that address, if there is one; access follows only when that coach accepts. So nobody learns from Hinge whether an
 * address belongs to a coach unless that coach chooses to answer.
 */
@RestController
class CoachAccessController {
    private final Commands commands;
    private final KnownCoachesProjection coaches;
    private final CoachesGrantedProjection granted;
    private final Idempotency idempotency;
    private final EmailDigests digests;
    private final Clock clock;

    CoachAccessController(Commands commands, KnownCoachesProjection coaches, CoachesGrantedProjection granted,
                          Idempotency idempotency, EmailDigests digests, Clock clock) {
        this.commands = commands;
        this.coaches = coaches;
        this.granted = granted;
        this.idempotency = idempotency;
        this.digests = digests;
        this.clock = clock;
    }

    /** Exactly one of {@code coachId}, {@code inviteCode} and {@code coachEmail} names the coach. */
    @Schema(example = """
            {"inviteCode": "K7QM4XTBZR"}""")
    record GrantRequest(UUID coachId, String inviteCode, String coachEmail, String at) {
    }

    @Schema(example = """
            {"athleteId": "18c0ed1c-007a-481c-9ad2-cfafa76bf106", "coachId": "b71a3765-7409-4f19-aabb-2d8e5de4fea3",
             "at": "2026-09-28T12:00:00Z"}""")
    record GrantAnswer(UUID athleteId, UUID coachId, Instant at) {
    }

    /** The answer to an offer by email, the same whoever has the address. */
    record OfferAnswer(String coachEmail, Instant at) {
    }

    @Operation(summary = "Grant a coach access to everything about you, past and future, until you revoke it",
            description = """
                    Name the coach by exactly one of: `coachId` (what the coach's `GET /api/v1/me` answers), `inviteCode`                     (the coach's `GET /api/v1/me/invite`), both answered 201; or `coachEmail`, answered 202 alike for any                     address: the coach with that address sees the offer and access follows once they accept it.""")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = GrantAnswer.class)))
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = OfferAnswer.class)))
    @PostMapping("/api/v1/me/coaches")
    Mono<ResponseEntity<?>> grant(@AuthenticationPrincipal Jwt jwt, @RequestBody GrantRequest request,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return grant(CurrentUser.id(jwt), request, key);
    }

    /**
     * The grant (or offer) {@code request} asks for: the one place the API and the athlete's coaches page read and
     * apply it, refusals under the API's field names.
     */
    Mono<ResponseEntity<?>> grant(UUID athlete, GrantRequest request, String key) {
        RequestFields fields = new RequestFields();
        InviteCode code = fields.optional("inviteCode", request.inviteCode(), typed -> InviteCode.parse(typed).orElseThrow(
                () -> DomainException.invalid("must be " + InviteCode.LENGTH + " letters and digits as the coach gave them")));
        String email = fields.optional("coachEmail", request.coachEmail(), AccountController::email);
        long named = Stream.of(request.coachId(), request.inviteCode(), request.coachEmail())
                .filter(Objects::nonNull).count();
        if (named == 0) {
            fields.reject("coachId", "is required, or else inviteCode or coachEmail");
        } else if (named > 1) {
            fields.reject(request.coachEmail() != null ? "coachEmail" : "inviteCode",
                    "must not be given together with another way to name the coach");
        }
        Instant at = Params.happenedAt(fields, "at", request.at(), clock.instant());
        fields.validate();
        if (email != null) {
            return offer(athlete, email, at, request, key);
        }
        return idempotency.execute(athlete.toString(), key, "POST /api/v1/me/coaches", request, () ->
                Blocking.call(() -> coach(request.coachId(), code)).flatMap(coach -> {
                    GrantCoachAccessCommand command = new GrantCoachAccessCommand(new AthleteId(athlete), coach, at);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("athleteId", athlete);
                    body.put("coachId", coach.value());
                    body.put("at", command.at());
                    return commands.send(command).thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(body));
                }));
    }

    /** 202 with the address as given, whoever has it (see the class comment). */
    private Mono<ResponseEntity<?>> offer(UUID athlete, String email, Instant at, GrantRequest request, String key) {
        return idempotency.execute(athlete.toString(), key, "POST /api/v1/me/coaches", request, () -> {
            AccessOfferId offer = new AccessOfferId(Idempotency.idFor(null, athlete, key, "access-offer"));
            return Blocking.call(() -> digests.of(email))
                    .flatMap(digest -> commands.send(new OfferCoachAccessCommand(new AthleteId(athlete), offer, digest, at)))
                    .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(new OfferAnswer(email, at)));
        });
    }

    /** The coach a grant names, known to athlete-service; refused on the field that named them otherwise. */
    private CoachId coach(UUID coachId, InviteCode code) {
        if (code != null) {
            return coaches.byInviteCode(code).map(CoachId::new).orElseThrow(() ->
                    DomainException.invalid("inviteCode", "is not a coach's current invite code"));
        }
        if (!coaches.exists(coachId)) {
            throw DomainException.invalid("coachId", "is not the id of a registered coach");
        }
        return new CoachId(coachId);
    }

    /** The coaches who have access now, longest-standing first. */
    @GetMapping("/api/v1/me/coaches")
    Mono<Page<CoachesGrantedProjection.CoachGranted>> coaches(@AuthenticationPrincipal Jwt jwt,
                                                              @RequestParam(required = false) String limit,
                                                              @RequestParam(required = false) String cursor) {
        UUID athlete = CurrentUser.id(jwt);
        int size = Paging.limit(limit);
        int offset = Paging.offset(cursor);
        return Blocking.call(() -> Paging.page(granted.page(athlete, offset, size + 1), offset, size));
    }

    @Operation(summary = "Revoke a coach's access", description = "A coach who has no access is a 404.")
    @ApiResponse(responseCode = "204")
    @DeleteMapping("/api/v1/me/coaches/{coachId}")
    Mono<ResponseEntity<Void>> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String coachId) {
        return revoke(CurrentUser.id(jwt), coachId).then(Mono.just(ResponseEntity.noContent().build()));
    }

    /** Revokes the coach's access; the API and the coaches page both revoke with this. */
    Mono<Void> revoke(UUID athlete, String coachId) {
        RequestFields fields = new RequestFields();
        CoachId coach = fields.required("coachId", coachId, s -> new CoachId(Params.uuid(s)));
        fields.validate();
        return commands.send(new RevokeCoachAccessCommand(new AthleteId(athlete), coach, clock.instant())).then();
    }

}
