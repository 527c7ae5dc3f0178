package dev.hinge.platform.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.platform.security.HingeProperties;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * What every page's layout needs: its section, whether someone is signed in, and the CSRF token, as a hidden form
 * field ({@code csrf}) and as the header every htmx request sends ({@code csrfHeaders}, put on {@code <body>}).
 */
@ControllerAdvice(annotations = PageController.class)
class PageAttributes {
    private final String section;
    private final ObjectMapper json;

    PageAttributes(HingeProperties properties, ObjectMapper json) {
        this.section = PageSession.section(properties.role());
        this.json = json;
    }

    @ModelAttribute("section")
    String section() {
        return section;
    }

    @ModelAttribute("signedIn")
    Mono<Boolean> signedIn(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(principal -> true).defaultIfEmpty(false);
    }

    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty()
                : token.doOnNext(t -> exchange.getAttributes().put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, t));
    }

    @ModelAttribute("csrfHeaders")
    Mono<String> csrfHeaders(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token.map(t -> {
            try {
                return json.writeValueAsString(Map.of(t.getHeaderName(), t.getToken()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
