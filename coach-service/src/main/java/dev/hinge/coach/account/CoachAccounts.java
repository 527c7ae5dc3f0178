package dev.hinge.coach.account;

import dev.hinge.kernel.account.RegisterCoachCommand;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.platform.account.AccountOpener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CoachAccounts {

    /** A new coach account announces the coach, so athletes can grant them access. */
    @Bean
    AccountOpener coachOpener() {
        return (id, displayName, at) -> new RegisterCoachCommand(new CoachId(id), displayName, at);
    }
}
