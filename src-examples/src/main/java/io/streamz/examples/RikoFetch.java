package io.streamz.examples;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.feeds.FeedEntry;
import io.streamz.feeds.Feeds;
import io.streamz.feeds.Pipes;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The riko talk's fetching pipes, pulled with {@code next()}: a word count of a fetched text, the
 * crime statistics fetched as JSON, filtered, sorted, truncated and joined, and the first entry of
 * an RSS feed. The files are served by a local web site on 127.0.0.1.
 */
public final class RikoFetch {
    private RikoFetch() {
    }

    /** A row of crimes.json. */
    record Crime(String crime, double incidents, @JsonProperty("police_station") String policeStation,
            String province, String year) {
    }

    /** A row of stations.json. */
    record Station(String station, @JsonProperty("sum_2014_2015") String sum20142015) {
    }

    /** Prints the first words' counts, the top three GP crimes with their station's total, a feed entry. */
    public static void main(String[] args) {
        try (LocalSite site = LocalSite.serve("data/riko")) {
            // docs:start
            Source<String> text = Feeds.fromUrl(site.url("lorem.txt")).text();              // fetchtext
            Iterator<Map<String, Long>> counts = text
                    .flatMap(line -> List.of(line.split(" ")))                               // stringtokenizer
                    .map(String::toLowerCase)                                                // strtransform
                    .as(Pipes.countBy(word -> word))                                         // count
                    .toIterable().iterator();
            text.start();
            Map<String, Long> words = counts.next();                                         // next(stream)
            System.out.println(words.entrySet().stream().limit(4).toList());

            Source<Station> stations = Feeds.fromUrl(site.url("stations.json")).json(Station.class);
            java.util.stream.Stream<Station> allStations = stations.toJavaStream();
            stations.start();
            Map<String, Station> totals = allStations.collect(Collectors.toMap(Station::station, Function.identity()));

            Source<Crime> crimes = Feeds.fromUrl(site.url("crimes.json")).json(Crime.class);  // fetchdata
            Iterator<String> top = crimes
                    .filter(c -> c.province().equals("GP"))                                  // filter
                    .as(Pipes.sort(Comparator.comparingDouble(Crime::incidents).reversed())) // sort
                    .slice(0, 3, 1)                                                          // truncate
                    .map(c -> c.policeStation() + ": " + c.incidents() + " of "              // join
                            + totals.get(c.policeStation()).sum20142015())
                    .toIterable().iterator();
            crimes.start();
            System.out.println(top.next());
            System.out.println(top.next());

            Source<FeedEntry> feed = Feeds.fromFeed(site.url("news.rss"));                   // fetchsitefeed
            Iterator<FeedEntry> items = feed.toIterable().iterator();
            feed.start();
            FeedEntry item = items.next();
            System.out.println(item.toMap().keySet());
            System.out.println(item.title() + ", " + item.author() + ", " + item.id());
            // docs:end
        }
    }
}
