package dev.hinge.athlete.account;

import dev.hinge.kernel.account.RegisterAthleteCommand;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.platform.account.AccountOpener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AthleteAccounts {

    /** A new athlete account opens the athlete's history. */
    @Bean
    AccountOpener athleteOpener() {
        return (id, displayName, at) -> new RegisterAthleteCommand(new AthleteId(id), displayName, at);
    }
}
