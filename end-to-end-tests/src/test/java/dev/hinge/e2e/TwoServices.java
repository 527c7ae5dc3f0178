package dev.hinge.e2e;

import dev.hinge.athlete.AthleteServiceApplication;
import dev.hinge.coach.CoachServiceApplication;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * athlete-service and coach-service, each its own Spring application on its own port, sharing one fresh
 * PostgreSQL database: the deployment in one JVM. Started once for the test run; tests keep apart by
 * registering their own people.
 */
final class TwoServices {
    private static TwoServices running;

    final ConfigurableApplicationContext athleteService;
    final ConfigurableApplicationContext coachService;

    private TwoServices(ConfigurableApplicationContext athleteService, ConfigurableApplicationContext coachService) {
        this.athleteService = athleteService;
        this.coachService = coachService;
    }

    static synchronized TwoServices get() {
        if (running == null) {
            // as command-line arguments, the way a deployment overrides each service's own settings
            List<String> arguments = new ArrayList<>();
            for (String property : FreshPostgres.properties(TestDatabase.fresh())) {
                arguments.add("--" + property);
            }
            arguments.add("--server.port=0");
            String[] args = arguments.toArray(String[]::new);
            ConfigurableApplicationContext athlete = new SpringApplicationBuilder(AthleteServiceApplication.class).run(args);
            ConfigurableApplicationContext coach = new SpringApplicationBuilder(CoachServiceApplication.class).run(args);
            running = new TwoServices(athlete, coach);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                coach.close();
                athlete.close();
            }));
        }
        return running;
    }

    WebTestClient athleteHttp() {
        return client(athleteService);
    }

    WebTestClient coachHttp() {
        return client(coachService);
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
