package dev.hinge.coach.invites.web;

import dev.hinge.kernel.access.InviteCode;
import dev.hinge.kernel.access.IssueInviteCodeCommand;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.platform.web.Commands;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * A coach's invite code and the link that carries it, as the API routes and the coach's invite page both give it out:
 * the current code on asking (the first asking issues one), a new one on request.
 */
@Component
class InviteCodes {
    private final Commands commands;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String linkBase;

    InviteCodes(Commands commands, Clock clock, @Value("${hinge.invites.link-base:}") String linkBase) {
        this.commands = commands;
        this.clock = clock;
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    /** The coach's code, a new one if {@code replace} (the old one stops working). */
    Mono<InviteController.Invite> issue(UUID coach, boolean replace) {
        return commands.<InviteCode>send(new IssueInviteCodeCommand(new CoachId(coach), InviteCode.generate(random),
                replace, clock.instant())).map(code -> new InviteController.Invite(code.value(), linkBase + "/athlete/invite/" + code));
    }
}
