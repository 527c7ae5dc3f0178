package dev.hinge.coach;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** Coaches review videos, name faults, assign cues, prescribe deloads and clear red flags. */
@PropertySource("classpath:coach-service.properties")
@SpringBootApplication(scanBasePackages = {"dev.hinge.coach", "dev.hinge.platform", "dev.hinge.readside"})
public class CoachServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(CoachServiceApplication.class, args);
    }
}
