package io.streamz.features;

import java.util.Map;
import reactor.util.annotation.Nullable;

/**
 * A request that {@link Flows#sendToHttp} sends (storey {@code HttpRequest}).
 *
 * <pre>{@code
 * HttpRequest r = new HttpRequest("POST", "http://127.0.0.1:8080/score", "{\"user\":\"ann\"}",
 *         Map.of("Content-Type", "application/json"));
 * r.method();   // "POST"
 * }</pre>
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param url the URL (http or https)
 * @param body the body, or {@code null} for none
 * @param headers the headers; empty for none
 */
public record HttpRequest(String method, String url, @Nullable String body, Map<String, String> headers) {
    /**
     * Checks the request.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @param url the URL (http or https)
     * @param body the body, or {@code null} for none
     * @param headers the headers; empty for none
     * @throws NullPointerException if {@code method}, {@code url} or {@code headers} is {@code null}
     */
    public HttpRequest {
        Flows.notNull(method, "HttpRequest", "method");
        Flows.notNull(url, "HttpRequest", "url");
        headers = Map.copyOf(Flows.notNull(headers, "HttpRequest", "headers"));
    }

    /**
     * A {@code GET} without body or headers.
     *
     * @param url the URL
     * @return the request
     */
    public static HttpRequest get(String url) {
        return new HttpRequest("GET", url, null, Map.of());
    }
}
