package dev.hinge.platform.pages;

import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;
import org.thymeleaf.spring6.web.webflux.SpringWebFluxWebApplication;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.IWebExchange;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A template fragment rendered to text, for what is not a whole page: the HTML of a timeline item sent down a live
 * stream, which htmx's SSE extension swaps in. Rendered in the context of the stream's own request, so links
 * ({@code @{...}}) and escaping work as in a page.
 */
@Component
public class Fragments {
    private final ISpringWebFluxTemplateEngine templates;
    private final SpringWebFluxWebApplication application;

    public Fragments(ISpringWebFluxTemplateEngine templates) {
        this.templates = templates;
        this.application = SpringWebFluxWebApplication.buildApplication(ReactiveAdapterRegistry.getSharedInstance());
    }

    public String render(ServerWebExchange exchange, String template, String fragment, Map<String, Object> model) {
        IWebExchange web = application.buildExchange(exchange, Locale.ROOT, MediaType.TEXT_HTML, StandardCharsets.UTF_8);
        return templates.process(template, Set.of(fragment), new WebContext(web, Locale.ROOT, model));
    }
}
