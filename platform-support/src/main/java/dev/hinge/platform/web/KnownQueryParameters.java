package dev.hinge.platform.web;

import dev.hinge.platform.problem.FieldError;
import dev.hinge.platform.problem.InvalidRequestException;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the route does not read is a 400 naming it, as an unknown body field is: {@code ?limt=5} is a
 * typo to be told about, not a default silently applied. Checked before every API route's method runs (after
 * authentication), against the {@code @RequestParam}s the method declares. Not for pages: a page ignores what it does
 * not read, and this void method taking the exchange would end their model's preparation (WebFlux takes it as having
 * answered), so no {@code @ModelAttribute} of a page's advice would reach its template.
 */
@ControllerAdvice(annotations = RestController.class)
class KnownQueryParameters {
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** Per controller method, the query parameters it reads; empty when it reads them all (a Map of them). */
    private final Map<Method, Optional<Set<String>>> known = new ConcurrentHashMap<>();

    @ModelAttribute
    void refuseUnknownQueryParameters(ServerWebExchange exchange) {
        if (!(exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("dev.hinge.")) {
            return;
        }
        known.computeIfAbsent(method.getMethod(), m -> read(method)).ifPresent(names -> {
            List<FieldError> unknown = exchange.getRequest().getQueryParams().keySet().stream()
                    .filter(name -> !names.contains(name))
                    .map(name -> new FieldError(name, "is not a query parameter of this route"))
                    .toList();
            if (!unknown.isEmpty()) {
                throw new InvalidRequestException(unknown);
            }
        });
    }

    private static Optional<Set<String>> read(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                return Optional.empty();
            }
            names.add(name(annotation, method, parameter));
        }
        return Optional.of(Set.copyOf(names));
    }

    private static String name(RequestParam annotation, HandlerMethod method, MethodParameter parameter) {
        String name = StringUtils.hasText(annotation.name()) ? annotation.name() : annotation.value();
        if (StringUtils.hasText(name)) {
            return name;
        }
        String[] names = NAMES.getParameterNames(method.getMethod());
        if (names == null) {
            throw new IllegalStateException("Compile with -parameters or name the @RequestParam of " + method);
        }
        return names[parameter.getParameterIndex()];
    }
}
