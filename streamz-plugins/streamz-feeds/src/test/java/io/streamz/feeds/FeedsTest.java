package io.streamz.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.streamz.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedsTest {
    private final FeedServer server = new FeedServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static void await(Source<?> source) throws Exception {
        source.completion().get(20, TimeUnit.SECONDS);
    }

    /** Starts {@code source} and returns what it emitted once it completed. */
    private static <T> List<T> run(Source<T> source) throws Exception {
        List<T> out = source.sinkToList();
        source.start();
        await(source);
        return out;
    }

    private static Throwable failure(Source<?> source) {
        CompletableFuture<Void> c = source.completion();
        assertThatThrownBy(() -> c.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        return c.handle((r, e) -> e).join();
    }

    // ------------------------------------------------------------------ json

    @Test
    void jsonEmitsTheObjectsOfAnArrayInOrderOnceStarted() throws Exception {
        Source<Map<String, Object>> rows = Feeds.fromUrl(server.url("crimes.json")).json();
        List<Map<String, Object>> out = rows.sinkToList();
        assertThat(server.requests()).as("nothing is fetched before start()").isZero();

        rows.start();
        await(rows);

        assertThat(server.requests()).isEqualTo(1);
        assertThat(out).hasSize(8);
        assertThat(out.get(0)).containsExactly(Map.entry("crime", "All theft not mentioned elsewhere"),
                Map.entry("incidents", 2266.0), Map.entry("police_station", "Bellville"),
                Map.entry("province", "WC"), Map.entry("year", "2014"));
        assertThat(out).extracting(r -> r.get("police_station")).startsWith("Bellville", "Bishop Lavis", "Pretoria Central");
    }

    @Test
    void eachStartFetchesAgain() throws Exception {
        Source<Map<String, Object>> rows = Feeds.fromUrl(server.url("stations.json")).json();
        List<Map<String, Object>> out = run(rows);
        rows.start();
        await(rows);
        assertThat(server.requests()).isEqualTo(2);
        assertThat(out).hasSize(10);
    }

    @Test
    void jsonOfOneObjectIsOneRecordWithJavaTypes() throws Exception {
        Source<Map<String, Object>> one = Feeds.fromUrl(server.url("one.json")).json();
        List<Map<String, Object>> out = run(one);
        assertThat(out).containsExactly(Map.of("name", "streamz", "tags", List.of("streams", "java"), "stars", 3,
                "nested", Map.of("ok", true)));
    }

    record Station(String station, @JsonProperty("sum_2014_2015") int total) {
    }

    record Strict(String name, int stars, boolean nested) {
    }

    @Test
    void jsonOfATypeBindsEachObjectIgnoringTheFieldsTheTypeLacks() throws Exception {
        Source<Station> stations = Feeds.fromUrl(server.url("stations.json")).json(Station.class);
        List<Station> out = run(stations);
        assertThat(out).hasSize(5).first().isEqualTo(new Station("Pretoria Central", 33518));
    }

    @Test
    void anObjectThatDoesNotBindFailsTheSource() {
        Source<Strict> one = Feeds.fromUrl(server.url("one.json")).json(Strict.class);
        List<Strict> out = one.sinkToList();
        one.start();
        assertThat(failure(one)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("fromUrl(" + server.url("one.json") + ").json(): ");
        assertThat(out).isEmpty();
        assertThatThrownBy(() -> Feeds.fromUrl(server.url("one.json")).json(null))
                .isInstanceOf(NullPointerException.class).hasMessage("json: type is null");
    }

    // ------------------------------------------------------------------ text

    @Test
    void textEmitsTheLinesWithoutTheirEnds() throws Exception {
        Source<String> lines = Feeds.fromUrl(server.url("streams.txt")).text();
        List<String> out = run(lines);
        assertThat(out).hasSize(3).first().isEqualTo("What is a stream? A stream is a sequence of data.");
    }

    // ------------------------------------------------------------------ feeds

    @Test
    void rssEntriesCarryTheFieldsRikoGives() throws Exception {
        Source<FeedEntry> news = Feeds.fromFeed(server.url("news.rss"));
        List<FeedEntry> out = run(news);

        assertThat(out).extracting(FeedEntry::title)
                .containsExactly("Gravity does not care about quantum spin", "Streams in plain Java", "A third story");
        FeedEntry first = out.get(0);
        assertThat(first.link()).isEqualTo("http://news.example.org/?p=924009");
        assertThat(first.id()).isEqualTo("http://news.example.org/?p=924009");
        assertThat(first.author()).isEqualTo("Chris Lee");
        assertThat(first.published()).isEqualTo(Instant.parse("2016-10-06T12:30:00Z"));
        assertThat(first.categories()).containsExactly("science", "physics");
        assertThat(first.summary()).isEqualTo("An experiment drops atoms of two spins.");
        assertThat(first.content()).isEqualTo("<p>The full story.</p>");
        FeedEntry third = out.get(2);
        assertThat(third.author()).isNull();
        assertThat(third.summary()).isNull();
        assertThat(third.id()).isEqualTo(third.link());
        assertThat(third.toMap()).containsOnlyKeys("title", "link", "id", "published", "tags");
    }

    @Test
    void atomEntriesHaveTheSameFields() throws Exception {
        Source<FeedEntry> notes = Feeds.fromUrl(server.url("news.atom")).feed();
        List<FeedEntry> out = run(notes);

        assertThat(out).hasSize(2);
        FeedEntry e = out.get(0);
        assertThat(e).isEqualTo(new FeedEntry("streamz 0.2 released", "http://releases.example.org/0.2",
                "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "Reuben", Instant.parse("2016-10-05T10:00:00Z"),
                Instant.parse("2016-10-06T18:30:02Z"), "Typed joins and feeds.", "Everything that changed.",
                List.of("release")));
        assertThat(out.get(1).published()).isNull();
        assertThat(out.get(1).categories()).isEmpty();
    }

    // ------------------------------------------------------------------ failures

    @Test
    void anAnswerOtherThan2xxFailsTheSourceNamingTheUrl() {
        Source<Map<String, Object>> rows = Feeds.fromUrl(server.url("missing.json")).json();
        List<Map<String, Object>> out = rows.sinkToList();
        rows.start();
        assertThat(failure(rows)).isInstanceOf(IllegalStateException.class)
                .hasMessage("fromUrl(" + server.url("missing.json") + ").json(): the server answered 404");
        assertThat(out).isEmpty();
    }

    @Test
    void aBodyThatDoesNotParseFailsTheSourceAndEmitsNothing() {
        for (String[] c : List.of(
                new String[] {"broken.json", "json", "not JSON"},
                new String[] {"numbers.json", "json", "expected an array of objects, item 0 is number"},
                new String[] {"page.html", "feed", "not an RSS or Atom feed"})) {
            Fetch fetch = Feeds.fromUrl(server.url(c[0]));
            Source<?> s = c[1].equals("json") ? fetch.json() : fetch.feed();
            List<?> out = s.sinkToList();
            s.start();
            assertThat(failure(s)).as(c[0]).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("fromUrl(" + server.url(c[0]) + ")." + c[1] + "(): " + c[2]);
            assertThat(out).isEmpty();
        }
    }

    @Test
    void aServerThatIsNotThereFailsTheSource() {
        String url = server.url("crimes.json");
        server.close();
        Source<Map<String, Object>> rows = Feeds.fromUrl(url).withTimeout(Duration.ofSeconds(5)).json();
        rows.start();
        assertThat(failure(rows)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("fromUrl(" + url + ").json(): java.net.ConnectException");
    }

    @Test
    void rikosPipePulledWithNext() {
        Source<Map<String, Object>> rows = Feeds.fromUrl(server.url("crimes.json")).json();
        Iterator<Object> top = rows.filter(r -> r.get("province").equals("GP"))
                .as(Pipes.sort(Comparator.comparing((Map<String, Object> r) -> (Double) r.get("incidents")).reversed()))
                .slice(0, 2, 1)
                .map(r -> r.get("police_station"))
                .toIterable().iterator();
        rows.start();
        assertThat(top.next()).isEqualTo("Pretoria Central");
        assertThat(top.next()).isEqualTo("Eldorado Park");
    }

    @Test
    void aFailedFetchEndsThePullWithItsFailure() {
        Source<Map<String, Object>> rows = Feeds.fromUrl(server.url("missing.json")).json();
        Iterator<Map<String, Object>> it = rows.toIterable().iterator();
        rows.start();
        assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("json(): the server answered 404");
    }

    @Test
    void rejectsWhatIsNotAnHttpUrlWhenBuilt() {
        assertThatThrownBy(() -> Feeds.fromUrl(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("fromUrl: url is null");
        for (String bad : List.of("ftp://example.org/x", "example.org/feed", "not a url", "file:///etc/hosts")) {
            assertThatThrownBy(() -> Feeds.fromUrl(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("fromUrl: url must be an http or https URL, was \"" + bad + "\"");
        }
        Fetch f = Feeds.fromUrl("http://127.0.0.1:1/x");
        assertThatThrownBy(() -> f.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fromUrl: timeout must be > 0");
        assertThatThrownBy(() -> f.withTimeout(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void printsItsUrlAndTimeoutAsTyped() {
        assertThat(Feeds.fromUrl("http://127.0.0.1:8080/data.json").withTimeout(Duration.ofMillis(1500)))
                .hasToString("fromUrl(url=http://127.0.0.1:8080/data.json, timeout=1500ms)");
        assertThat(Feeds.fromUrl("https://example.org/feed")).hasToString("fromUrl(url=https://example.org/feed, timeout=30s)");
    }
}
