package dev.hinge.coach;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Coaches review videos, name faults, assign cues, prescribe deloads and clear red flags. */
@SpringBootApplication(scanBasePackages = {"dev.hinge.coach", "dev.hinge.platform"})
public class CoachServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(CoachServiceApplication.class, args);
    }
}
