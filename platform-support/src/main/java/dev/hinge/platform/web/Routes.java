package dev.hinge.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * The routes this service answers, read from the application's handler mappings (controllers, actuator endpoints,
 * router functions), never from a list kept by hand. A request is <em>for a route</em> when some route takes its path
 * with its method: only then does it need a token ({@code SecurityConfiguration}); anything else is answered 404, or
 * 405 for a known path with another method, with or without one. Static files (a {@link ResourceWebHandler}) are no
 * route: they are public. A handler mapping of another kind (a router function) is asked for a handler, so a route
 * added that way is guarded too.
 */
@Component
public class Routes {
    /** The answer for this request, kept on it: the security filters ask twice. */
    private static final String ANSWER = Routes.class.getName() + ".isRoute";

    private final ObjectProvider<HandlerMapping> provider;
    private volatile Known known;

    public Routes(ObjectProvider<HandlerMapping> mappings) {
        this.provider = mappings;
    }

    /** Whether a route of this service takes this request's path and method (whatever its body or headers). */
    public Mono<Boolean> isRoute(ServerWebExchange exchange) {
        Boolean answered = exchange.getAttribute(ANSWER);
        return answered != null ? Mono.just(answered)
                : find(exchange).doOnNext(route -> exchange.getAttributes().put(ANSWER, route));
    }

    private Mono<Boolean> find(ServerWebExchange exchange) {
        Known routes = known();
        if (routes.mappings().stream().anyMatch(info -> takes(info, exchange))) {
            return Mono.just(true);
        }
        return Flux.fromIterable(routes.others())
                .concatMap(mapping -> mapping.getHandler(exchange).map(handler -> !(handler instanceof ResourceWebHandler))
                        .defaultIfEmpty(false).onErrorReturn(true))
                .any(Boolean::booleanValue);
    }

    private static boolean takes(RequestMappingInfo info, ServerWebExchange exchange) {
        return info.getPatternsCondition().getMatchingCondition(exchange) != null
                && info.getMethodsCondition().getMatchingCondition(exchange) != null;
    }

    /** Read at the first request, when the handler mappings are complete. */
    private Known known() {
        Known routes = known;
        if (routes == null) {
            List<RequestMappingInfo> mappings = new ArrayList<>();
            List<HandlerMapping> others = new ArrayList<>();
            provider.orderedStream().forEach(mapping -> {
                if (mapping instanceof RequestMappingInfoHandlerMapping methods) {
                    mappings.addAll(methods.getHandlerMethods().keySet());
                } else {
                    others.add(mapping);
                }
            });
            routes = new Known(List.copyOf(mappings), List.copyOf(others));
            known = routes;
        }
        return routes;
    }

    private record Known(List<RequestMappingInfo> mappings, List<HandlerMapping> others) {
    }
}
