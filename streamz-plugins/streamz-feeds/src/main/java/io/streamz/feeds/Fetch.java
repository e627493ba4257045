package io.streamz.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.internal.util.Intervals;
import io.streamz.spi.Arguments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A GET of one URL, built by {@link Feeds#fromUrl(String)}, turned into a source by what the
 * answer holds: lines of text, JSON records, or the entries of a feed. Immutable; each source it
 * builds sends the request when it is started, on the JDK's HTTP client, and ends (its
 * {@link Source#completion()} completes) after the last element went through the graph.
 *
 * <pre>{@code
 * Source<Map<String, Object>> rows = Feeds.fromUrl(server + "/crimes.json")
 *         .withTimeout(Duration.ofSeconds(5))
 *         .json();
 * }</pre>
 *
 * <p>An answer other than 2xx, a timeout or a body that does not parse completes the source's
 * {@code completion()} exceptionally, with a message naming the URL; nothing is emitted then.
 */
public final class Fetch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper LENIENT = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() { };

    private final URI uri;
    private final String url;
    private final Duration timeout;

    Fetch(URI uri, String url) {
        this(uri, url, Duration.ofSeconds(30));
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("fromUrl: url must be an http or https URL, was \"" + url + "\"");
        }
    }

    private Fetch(URI uri, String url, Duration timeout) {
        this.uri = uri;
        this.url = url;
        this.timeout = timeout;
    }

    /**
     * The same fetch with another timeout for the whole answer (30 seconds by default).
     *
     * <pre>{@code
     * Fetch f = Feeds.fromUrl("http://127.0.0.1:8080/data.json").withTimeout(Duration.ofSeconds(2));
     * f.toString();   // fromUrl(url=http://127.0.0.1:8080/data.json, timeout=2s)
     * }</pre>
     *
     * @param timeout greater than zero
     * @return a new fetch
     */
    public Fetch withTimeout(Duration timeout) {
        return new Fetch(uri, url, Arguments.interval(timeout, "fromUrl", "timeout"));
    }

    /**
     * The lines of the answer's body, decoded as its charset says (UTF-8 by default), without
     * their line ends (riko {@code fetchtext}).
     *
     * <pre>{@code
     * Source<String> lines = Feeds.fromUrl(server + "/streams.txt").text();
     * List<String> words = lines.flatMap(l -> List.of(l.split(" "))).sinkToList();
     * lines.start();
     * lines.completion().join();
     * }</pre>
     *
     * @return a new source, not started
     */
    public Source<String> text() {
        return source("text", HttpResponse.BodyHandlers.ofString(), body -> body.lines().toList());
    }

    /**
     * The records of a JSON answer (riko {@code fetchdata}): each object of a top-level array, or
     * the one top-level object, as a {@code Map} in the document's key order (numbers as
     * {@code Integer}, {@code Long} or {@code Double}, arrays as lists, objects as maps).
     *
     * <pre>{@code
     * Source<Map<String, Object>> rows = Feeds.fromUrl(server + "/crimes.json").json();
     * List<Object> provinces = rows.map(r -> r.get("province")).sinkToList();
     * rows.start();
     * rows.completion().join();
     * // provinces: [WC, WC, GP]
     * }</pre>
     *
     * @return a new source, not started
     */
    public Source<Map<String, Object>> json() {
        return source("json", HttpResponse.BodyHandlers.ofByteArray(), this::records);
    }

    /**
     * The records of a JSON answer as {@code type} (a record or a bean that Jackson can bind to):
     * each object of a top-level array, or the one top-level object. Fields of the JSON that
     * {@code type} lacks are ignored, as a riko pipe ignores the keys it does not use.
     *
     * <pre>{@code
     * record Crime(String crime, double incidents, String province) {}
     * Source<Crime> crimes = Feeds.fromUrl(server + "/crimes.json").json(Crime.class);
     * List<Double> incidents = crimes.map(Crime::incidents).sinkToList();
     * crimes.start();
     * crimes.completion().join();
     * }</pre>
     *
     * @param <R> the type of the records
     * @param type the class of the records
     * @return a new source, not started
     */
    public <R> Source<R> json(Class<R> type) {
        Arguments.notNull(type, "json", "type");
        return source("json", HttpResponse.BodyHandlers.ofByteArray(),
                body -> records(body).stream().map(r -> LENIENT.convertValue(r, type)).toList());
    }

    /**
     * The entries of an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) feed, parsed by ROME, in the
     * feed's order (riko {@code fetchfeed}, {@code fetchsitefeed}).
     *
     * <pre>{@code
     * Source<FeedEntry> news = Feeds.fromUrl(server + "/news.atom").feed();
     * List<String> links = news.map(FeedEntry::link).sinkToList();
     * news.start();
     * news.completion().join();
     * }</pre>
     *
     * @return a new source, not started
     */
    public Source<FeedEntry> feed() {
        return source("feed", HttpResponse.BodyHandlers.ofByteArray(), FeedEntry::parse);
    }

    /** {@code fromUrl(url=..., timeout=...)}. */
    @Override
    public String toString() {
        return "fromUrl(url=" + url + ", timeout=" + Intervals.format(timeout) + ")";
    }

    private <B, T> Source<T> source(String what, HttpResponse.BodyHandler<B> handler, Function<B, List<T>> parse) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        Flux<T> answer = Mono.defer(() -> Mono.fromFuture(client().sendAsync(request, handler)))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException("fromUrl(" + url + ")." + what + "(): the server answered "
                                + response.statusCode());
                    }
                    try {
                        return parse.apply(response.body());
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("fromUrl(" + url + ")." + what + "(): " + e.getMessage(), e);
                    }
                })
                .onErrorMap(e -> e instanceof IOException,
                        e -> new IllegalStateException("fromUrl(" + url + ")." + what + "(): " + e, e))
                .flatMapIterable(items -> items);
        return Stream.fromPublisher(answer);
    }

    private static HttpClient client() {
        return Clients.HTTP;
    }

    private List<Map<String, Object>> records(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !(root.isArray() || root.isObject())) {
            throw new IllegalArgumentException("expected an object or an array of objects, got "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode n : root.isArray() ? root : List.of(root)) {
            if (!n.isObject()) {
                throw new IllegalArgumentException("expected an array of objects, item " + out.size() + " is "
                        + n.getNodeType().toString().toLowerCase(Locale.ROOT));
            }
            out.add(JSON.convertValue(n, RECORD));
        }
        return out;
    }

    /** One client for all fetches, made when the first one runs. */
    private static final class Clients {
        static final HttpClient HTTP = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }
}
