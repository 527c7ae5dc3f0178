package dev.hinge.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import dev.hinge.platform.pages.PageController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service answers against what its OpenAPI document says, both as {@code "POST /api/v1/me/sets"}: the routes
 * are read from the running application's handler mappings (every {@code @RequestMapping} of a Hinge controller, the
 * service's own and the shared platform's, and every router function), never from a list kept by hand. A mapping
 * without a method stands as {@code "* /path"}: any operation on the path documents it.
 */
public final class ApiDocumentChecks {
    private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private ApiDocumentChecks() {
    }

    public static Set<String> routes(ApplicationContext context) {
        Set<String> routes = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, method) -> {
                    // pages (@PageController) are for browsers: the document is the API's
                    if (method.getBeanType().getPackageName().startsWith("dev.hinge.")
                            && !method.getBeanType().isAnnotationPresent(PageController.class)) {
                        routes.addAll(routes(info));
                    }
                }));
        context.getBeansOfType(RouterFunctionMapping.class).values().stream()
                .map(RouterFunctionMapping::getRouterFunction)
                .filter(java.util.Objects::nonNull)
                .forEach(function -> function.accept(new RouteCollector(routes)));
        return routes;
    }

    /** Every operation in the document, and {@code "* /path"} for each of its paths. */
    public static Set<String> documented(JsonNode document) {
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> {
            documented.add("* " + path.getKey());
            OPERATIONS.stream().filter(path.getValue()::has)
                    .forEach(operation -> documented.add(operation.toUpperCase() + " " + path.getKey()));
        });
        return documented;
    }

    /** Each operation of the document, by {@code "POST /api/v1/me/sets"}. */
    public static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> OPERATIONS.stream().filter(path.getValue()::has)
                .forEach(operation -> operations.put(operation.toUpperCase() + " " + path.getKey(),
                        path.getValue().get(operation))));
        return operations;
    }

    /**
     * Fails, naming each, when a route of the running application is not in its document. Another helper's new
     * controller is covered as soon as it is in the service: nothing here lists routes.
     */
    public static void assertEveryRouteIsDocumented(ApplicationContext context, JsonNode document) {
        Set<String> routes = routes(context);
        Set<String> documented = documented(document);
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(documented);
        assertThat(routes).as("routes read from the handler mappings").isNotEmpty();
        assertThat(missing).as("routes this service answers that /v3/api-docs does not list (springdoc documents every "
                + "@RequestMapping of a @RestController unless it is hidden: @Hidden, springdoc.paths-to-exclude, or a "
                + "type it does not scan)").isEmpty();
    }

    /**
     * The bearer scheme Swagger UI's Authorize button fills in, required by every operation but registration and
     * login, each of which may answer 401 and 403; registration and login need nothing.
     */
    public static void assertEveryRouteButSignInNeedsTheBearerToken(JsonNode document) {
        JsonNode scheme = document.at("/components/securitySchemes/bearer");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");
        operations(document).forEach((route, operation) -> {
            boolean signIn = route.equals("POST /api/v1/auth/register") || route.equals("POST /api/v1/auth/token");
            if (signIn) {
                assertThat(operation.has("security")).as(route + " needs no token").isFalse();
            } else {
                assertThat(operation.path("security").toString()).as(route + " requires the bearer token")
                        .isEqualTo("[{\"bearer\":[]}]");
                assertThat(operation.path("responses").has("401")).as(route + " may answer 401").isTrue();
                assertThat(operation.path("responses").has("403")).as(route + " may answer 403").isTrue();
            }
        });
    }

    /**
     * Every operation tells what it answers: a success with a shape (a reference to a schema with properties, a
     * list, text for a page or file ({@code text/html}, {@code text/csv}), or no body for a 204), and every error as a problem ({@code application/problem+json}, the Problem
     * schema, an example). Every request body has a shape with an example.
     */
    public static void assertEveryAnswerHasItsShape(JsonNode document) {
        JsonNode schemas = document.at("/components/schemas");
        operations(document).forEach((route, operation) -> {
            List<String> successes = new ArrayList<>();
            operation.path("responses").fields().forEachRemaining(response -> {
                String status = response.getKey();
                JsonNode content = response.getValue().path("content");
                if (status.startsWith("2")) {
                    successes.add(status);
                    if (status.equals("204")) {
                        assertThat(content.isMissingNode()).as(route + " 204 has no body").isTrue();
                        return;
                    }
                    assertThat(content.size()).as(route + " " + status + " names its media type").isEqualTo(1);
                    String mediaType = content.fieldNames().next();
                    JsonNode schema = content.elements().next().path("schema");
                    if (mediaType.startsWith("text/") && !mediaType.equals("text/event-stream")
                            && schema.path("type").asText().equals("string")) {
                        return; // a page or a file for people (the printable summary, a CSV): text, by its media type
                    }
                    assertThat(shaped(schema, schemas)).as(route + " " + status + " answers a shape, not just an object: "
                            + schema).isTrue();
                } else {
                    assertThat(content.path("application/problem+json").path("schema").path("$ref").asText())
                            .as(route + " " + status + " is a problem").isEqualTo("#/components/schemas/Problem");
                }
            });
            assertThat(successes).as(route + " says what it answers on success").isNotEmpty();
            assertThat(operation.path("responses").has("400")).as(route + " may answer 400 (unknown query parameters)").isTrue();
            JsonNode body = operation.at("/requestBody/content/application~1json/schema/$ref");
            if (!body.isMissingNode()) {
                JsonNode schema = schemas.path(body.asText().substring("#/components/schemas/".length()));
                assertThat(schema.has("example")).as(route + " has an example body").isTrue();
            }
        });
    }

    /** The example the document gives for a schema, as JSON text: what Swagger UI puts in "Try it out". */
    public static String example(JsonNode document, String schema) {
        JsonNode example = document.at("/components/schemas/" + schema + "/example");
        assertThat(example.isObject()).as(schema + " has an example").isTrue();
        return example.toString();
    }

    /** The documented success answer of {@code route} names exactly the fields of a real {@code answer}. */
    public static void assertAnswerIsDocumented(JsonNode document, String route, JsonNode answer) {
        JsonNode operation = operations(document).get(route);
        assertThat(operation).as(route + " is documented").isNotNull();
        JsonNode responses = operation.path("responses");
        String ref = responses.path(responses.has("201") ? "201" : "200").at("/content/application~1json/schema/$ref").asText();
        JsonNode schema = document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
        List<String> documented = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(documented::add);
        List<String> answered = new ArrayList<>();
        answer.fieldNames().forEachRemaining(answered::add);
        assertThat(documented).as(route + ": the documented answer " + ref + " against a real answer " + answer)
                .containsExactlyInAnyOrderElementsOf(answered);
    }

    private static boolean shaped(JsonNode schema, JsonNode schemas) {
        if (schema.has("$ref")) {
            JsonNode target = schemas.path(schema.get("$ref").asText().substring("#/components/schemas/".length()));
            return target.path("properties").size() > 0;
        }
        return schema.has("items") || schema.path("properties").size() > 0;
    }

    private static List<String> routes(RequestMappingInfo info) {
        List<String> routes = new ArrayList<>();
        for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
            if (info.getMethodsCondition().getMethods().isEmpty()) {
                routes.add("* " + pattern.getPatternString());
            }
            info.getMethodsCondition().getMethods().forEach(method -> routes.add(method.name() + " " + pattern.getPatternString()));
        }
        return routes;
    }

    /** The methods and paths each route of a router function is predicated on. */
    private static final class RouteCollector implements RouterFunctions.Visitor {
        private final Set<String> routes;
        private final List<String> prefixes = new ArrayList<>();

        RouteCollector(Set<String> routes) {
            this.routes = routes;
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            List<String> methods = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            visit(predicate, methods, paths);
            String prefix = String.join("", prefixes);
            for (String path : paths.isEmpty() ? List.of("") : paths) {
                if (methods.isEmpty()) {
                    routes.add("* " + prefix + path);
                }
                methods.forEach(method -> routes.add(method + " " + prefix + path));
            }
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            List<String> paths = new ArrayList<>();
            visit(predicate, new ArrayList<>(), paths);
            prefixes.add(String.join("", paths));
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.remove(prefixes.size() - 1);
        }

        private static void visit(RequestPredicate predicate, List<String> methods, List<String> paths) {
            predicate.accept(new RequestPredicates.Visitor() {
                @Override
                public void method(Set<HttpMethod> set) {
                    set.forEach(m -> methods.add(m.name()));
                }

                @Override
                public void path(String pattern) {
                    paths.add(pattern);
                }

                @Override
                public void pathExtension(String extension) {
                }

                @Override
                public void header(String name, String value) {
                }

                @Override
                public void queryParam(String name, String value) {
                }

                @Override
                public void startAnd() {
                }

                @Override
                public void and() {
                }

                @Override
                public void endAnd() {
                }

                @Override
                public void startOr() {
                }

                @Override
                public void or() {
                }

                @Override
                public void endOr() {
                }

                @Override
                public void startNegate() {
                }

                @Override
                public void endNegate() {
                }

                @Override
                public void unknown(RequestPredicate unknown) {
                }
            });
        }

        @Override
        public void resources(Function<ServerRequest, reactor.core.publisher.Mono<org.springframework.core.io.Resource>> lookup) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }
    }
}
