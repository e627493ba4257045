package io.streamz.feeds;

import io.streamz.Source;
import io.streamz.spi.Arguments;
import java.net.URI;

/**
 * Sources that fetch over HTTP, riko's {@code fetch*} modules: {@code fromUrl(url)} and then what
 * the answer is ({@link Fetch#text()}, {@link Fetch#json()}, {@link Fetch#feed()}).
 *
 * <pre>{@code
 * Source<Map<String, Object>> rows = Feeds.fromUrl(server + "/crimes.json").json();
 * List<Object> stations = rows.map(r -> r.get("police_station")).sinkToList();
 * rows.start();
 * rows.completion().join();
 * // stations: [Bellville, Bishop Lavis, Pretoria Central]
 * }</pre>
 */
public final class Feeds {
    private Feeds() {
    }

    /**
     * A fetch of {@code url} (riko {@code fetch}, {@code fetchdata}, {@code fetchtext}): nothing
     * is sent until the source that {@link Fetch#text()}, {@link Fetch#json()} or
     * {@link Fetch#feed()} builds is started, and each {@code start()} fetches again.
     *
     * <pre>{@code
     * Source<String> lines = Feeds.fromUrl(server + "/streams.txt").text();
     * List<String> out = lines.sinkToList();
     * lines.start();
     * lines.completion().join();
     * // out: [Streams are sequences of data, processed lazily, a piece at a time.]
     * }</pre>
     *
     * @param url an absolute {@code http:} or {@code https:} URL
     * @return the fetch, to be turned into a source
     * @throws IllegalArgumentException when {@code url} is not an absolute HTTP(S) URL
     */
    public static Fetch fromUrl(String url) {
        Arguments.notNull(url, "fromUrl", "url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fromUrl: url must be an http or https URL, was \"" + url + "\"", e);
        }
        return new Fetch(uri, url);
    }

    /**
     * The entries of the RSS or Atom feed at {@code url}, in the feed's order (riko
     * {@code fetchfeed}, {@code fetchsitefeed}); {@code fromUrl(url).feed()}.
     *
     * <pre>{@code
     * Source<FeedEntry> news = Feeds.fromFeed(server + "/news.rss");
     * List<String> titles = news.map(FeedEntry::title).sinkToList();
     * news.start();
     * news.completion().join();
     * // titles: [Gravity does not care about quantum spin, Streams in plain Java, A third story]
     * }</pre>
     *
     * @param url an absolute {@code http:} or {@code https:} URL
     * @return a new source, not started
     */
    public static Source<FeedEntry> fromFeed(String url) {
        return fromUrl(url).feed();
    }
}
