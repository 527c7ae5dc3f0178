package dev.hinge.platform.pages;

import org.springframework.stereotype.Controller;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of pages (HTML for a browser), not of the API: its refusals are pages ({@link PageProblems}), not
 * problem+json, and it is signed in by the page session cookie ({@link PageSecurity}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {
}
