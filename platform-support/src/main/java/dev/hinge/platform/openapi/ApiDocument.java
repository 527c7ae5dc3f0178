package dev.hinge.platform.openapi;

import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.security.HingeProperties;
import dev.hinge.platform.security.SecurityConfiguration;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}), read by springdoc from the
 * controllers. What every route shares is added here, once, rather than annotated on each method: the bearer scheme
 * and its requirement (all but registration and login), the problem answers that apply to a route (400 on every route;
 * 401 and 403 with a token; 404 where the path names something; 409 and 422 with an {@code Idempotency-Key}; 503
 * always; 429 on a live stream), each as {@code application/problem+json} with an example, and a tag per use case
 * (the controller's package). A route declares only what is its own: a summary, its answer's shape and status where
 * the code cannot tell them, and problems of its own (the 429 of a login).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocument {
    static final String BEARER = "bearer";
    /** What both services' live timelines do (docs/api.md, "Live streams"). */
    public static final String LIVE_STREAM = """
            Server-Sent Events: first the latest 50 items, oldest first, then each new item as it is recorded. Each \
            event has `id:` (send it back as `Last-Event-ID` when reconnecting, to get every item recorded after it), \
            `event:` (the item's `type`) and `data:` (the TimelineItem). A `:keep-alive` comment every 15 s. A client \
            that reads too slowly gets a last `reconnect` event; a stream ends with `token_expired` when its token \
            expires. At most 5 streams per user. (Swagger UI waits for the end of a stream: use curl -N.)""";

    @Bean
    OpenAPI hingeApi(HingeProperties properties, @Value("${spring.application.name}") String service) {
        String role = properties.role().name().toLowerCase(Locale.ROOT);
        String article = role.startsWith("a") ? "an " : "a ";
        return new OpenAPI()
                .info(new Info().title("Hinge " + service).version("v1").description("""
                        The %1$s side of Hinge. Register or log in (`POST /api/v1/auth/token`), press **Authorize** and
                        paste the `token`; every other route needs %2$s%1$s token. Errors are RFC 9457 problems
                        (`application/problem+json`) whose `type` is a stable `urn:hinge:problem:…` name; a 400 names
                        every invalid field, body or query parameter, in `errors`. The examples are the Mark case: a
                        lifter who pulls 365 lb with back pain, is scaled to 50%% by his coach and climbs back
                        pain-free.""".formatted(role, article)))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("The `token` of `POST /api/v1/auth/token` (or of registration), valid 12 hours")));
    }

    /**
     * The problem shape as a component every problem answer refers to, and the Mark case as the example of the shapes
     * the kernel answers (it knows nothing of this document).
     */
    @Bean
    GlobalOpenApiCustomizer sharedSchemas() {
        return api -> {
            ModelConverters.getInstance().readAll(Problem.class)
                    .forEach((name, schema) -> api.getComponents().addSchemas(name, schema));
            Examples.MARK_CASE.forEach((name, example) -> {
                Schema<?> schema = api.getComponents().getSchemas().get(name);
                if (schema != null) {
                    schema.setExample(example);
                }
            });
        };
    }

    @Bean
    GlobalOperationCustomizer sharedAnswers() {
        return (operation, method) -> {
            ApiResponses responses = operation.getResponses();
            add(responses, Problems.INVALID);
            if (!isSignIn(method)) {
                SecurityRequirement bearer = new SecurityRequirement().addList(BEARER);
                // two handler methods of one route (a JSON body and a multipart one) are one operation
                if (operation.getSecurity() == null || !operation.getSecurity().contains(bearer)) {
                    operation.addSecurityItem(bearer);
                }
                add(responses, Problems.UNAUTHORIZED);
                add(responses, Problems.FORBIDDEN);
            }
            if (Stream.of(method.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
                add(responses, Problems.NOT_FOUND);
            }
            if (parameters(operation).anyMatch(p -> Idempotency.HEADER.equals(p.getName()))) {
                add(responses, Problems.CONFLICT);
                add(responses, Problems.KEY_REUSED);
            }
            if (produces(method, MediaType.TEXT_EVENT_STREAM_VALUE)) {
                add(responses, Problems.TOO_MANY_STREAMS);
            }
            add(responses, Problems.UNAVAILABLE);
            responses.forEach((status, response) -> Problems.describe(status, response));
            tag(operation, method);
            return operation;
        };
    }

    private static void add(ApiResponses responses, Problems problem) {
        responses.putIfAbsent(problem.status(), new ApiResponse().description(problem.description()));
    }

    private static Stream<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? Stream.empty() : operation.getParameters().stream();
    }

    /** The use case's package: {@code dev.hinge.athlete.sets.web.SetController} is tagged {@code sets}. */
    private static void tag(Operation operation, HandlerMethod method) {
        String[] parts = method.getBeanType().getPackageName().split("\\.");
        String useCase = parts[parts.length - 1].equals("web") ? parts[parts.length - 2] : parts[parts.length - 1];
        operation.setTags(new ArrayList<>(List.of(useCase)));
    }

    private static boolean isSignIn(HandlerMethod method) {
        RequestMapping mapping = mapping(method);
        return mapping != null && Stream.of(mapping.path()).anyMatch(SecurityConfiguration.SIGN_IN_ROUTES::contains);
    }

    private static boolean produces(HandlerMethod method, String mediaType) {
        RequestMapping mapping = mapping(method);
        return mapping != null && Stream.of(mapping.produces()).anyMatch(mediaType::equals);
    }

    private static RequestMapping mapping(HandlerMethod method) {
        return AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
    }
}
