package io.streamz.features;

/**
 * The response {@link Flows#sendToHttp} hands to its join function (storey {@code HttpResponse}).
 *
 * <pre>{@code
 * HttpResponse r = new HttpResponse(200, "ok");
 * r.status();   // 200
 * }</pre>
 *
 * @param status the status code
 * @param body the body as text (UTF-8); empty when there was none
 */
public record HttpResponse(int status, String body) {
}
