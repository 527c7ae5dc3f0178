package dev.hinge.athlete;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** Athletes log their sets, pain and videos, grant coaches access, and follow their own timeline. */
@PropertySource("classpath:athlete-service.properties")
@SpringBootApplication(scanBasePackages = {"dev.hinge.athlete", "dev.hinge.platform", "dev.hinge.readside"})
public class AthleteServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(AthleteServiceApplication.class, args);
    }
}
