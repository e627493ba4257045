package io.streamz.feeds;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of an RSS or Atom feed ({@link Fetch#feed()}), the fields riko's {@code fetchfeed}
 * gives, whatever the feed's format. A field the entry lacks is {@code null} (the lists are
 * empty).
 *
 * <pre>{@code
 * Source<FeedEntry> news = Feeds.fromFeed(server + "/news.rss");
 * news.filter(e -> e.categories().contains("science"))
 *     .map(e -> e.title() + " by " + e.author())
 *     .sink(System.out::println);
 * news.start();
 * // prints Gravity does not care about quantum spin by Chris Lee
 * }</pre>
 *
 * @param title the title
 * @param link the entry's link (RSS {@code link}, Atom's alternate link)
 * @param id the entry's id (RSS {@code guid}, Atom {@code id}), or its link when it has none
 * @param author the author's name
 * @param published when it was published (RSS {@code pubDate}, Atom {@code published})
 * @param updated when it was last updated (Atom {@code updated})
 * @param summary the text of RSS {@code description} or Atom {@code summary}
 * @param content the text of the first Atom {@code content} or RSS {@code content:encoded}
 * @param categories the names of its categories (riko's {@code tags})
 */
public record FeedEntry(String title, String link, String id, String author, Instant published, Instant updated,
        String summary, String content, List<String> categories) {

    /**
     * An entry; {@code categories} is copied and must not be {@code null}, the other fields may be.
     *
     * @param title the title
     * @param link the entry's link
     * @param id the entry's id
     * @param author the author's name
     * @param published when it was published
     * @param updated when it was last updated
     * @param summary the summary's text
     * @param content the content's text
     * @param categories the names of its categories
     */
    public FeedEntry {
        categories = List.copyOf(categories);
    }

    /**
     * The entry as riko's dictionary: the fields that are set, under riko's names ({@code title},
     * {@code link}, {@code id}, {@code author}, {@code published}, {@code updated},
     * {@code summary}, {@code content}, {@code tags}).
     *
     * <pre>{@code
     * FeedEntry e = new FeedEntry("Hello", "http://x/1", "http://x/1", null, null, null, "Hi", null, List.of("a"));
     * e.toMap();   // {title=Hello, link=http://x/1, id=http://x/1, summary=Hi, tags=[a]}
     * }</pre>
     *
     * @return a new map in that order, without the fields that are {@code null} or empty
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "title", title);
        put(m, "link", link);
        put(m, "id", id);
        put(m, "author", author);
        put(m, "published", published);
        put(m, "updated", updated);
        put(m, "summary", summary);
        put(m, "content", content);
        if (!categories.isEmpty()) {
            m.put("tags", categories);
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** The entries of the feed in {@code body}; an {@link IllegalArgumentException} if it is none. */
    static List<FeedEntry> parse(byte[] body) {
        List<SyndEntry> entries;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body))) {
            entries = new SyndFeedInput().build(reader).getEntries();
        } catch (IOException | FeedException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSS or Atom feed: " + e.getMessage(), e);
        }
        List<FeedEntry> out = new ArrayList<>(entries.size());
        for (SyndEntry e : entries) {
            List<String> categories = new ArrayList<>();
            for (SyndCategory c : e.getCategories()) {
                categories.add(c.getName());
            }
            String link = e.getLink();
            String id = e.getUri() != null ? e.getUri() : link;
            out.add(new FeedEntry(e.getTitle(), link, id, blankToNull(e.getAuthor()), instant(e.getPublishedDate()),
                    instant(e.getUpdatedDate()), text(e.getDescription()),
                    e.getContents().isEmpty() ? null : text(e.getContents().get(0)), categories));
        }
        return out;
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static String text(SyndContent c) {
        return c == null ? null : blankToNull(c.getValue() == null ? null : c.getValue().strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
