package io.streamz.examples;

import io.streamz.Stream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursion and feedback: streamz's tiny web crawler, on a small site of local files. New links
 * flow back into the source; unique stops the loop at pages already seen.
 */
public final class WebCrawler {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    private WebCrawler() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> links(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Crawls a five-page site from index.html and prints each page once, in visiting order. */
    public static void main(String[] args) throws IOException {
        Path site = Files.createTempDirectory("site");
        Map<String, String> pages = Map.of(
                "index.html", "<a href=\"features.html\">Features</a> <a href=\"pricing.html\">Pricing</a>",
                "features.html", "<a href=\"index.html\">Home</a> <a href=\"explore.html\">Explore</a>",
                "explore.html", "<a href=\"features.html\">Back</a> <a href=\"business.html\">Business</a>",
                "business.html", "<a href=\"pricing.html\">Pricing</a>",
                "pricing.html", "<a href=\"index.html\">Home</a>");
        for (Map.Entry<String, String> p : pages.entrySet()) {
            Files.writeString(site.resolve(p.getKey()), p.getValue());
        }
        try {
            // docs:start
            Stream<String> source = Stream.create("urls");
            Stream<String> newPages = source.unique().named("new pages");
            newPages.sink(System.out::println);
            Stream<String> content = newPages.map(page -> read(site.resolve(page))).named("fetch");
            Stream<String> links = content.map(WebCrawler::links).<String>flatten().named("links");
            links.connect(source);   // feed new links back into the start

            source.emit("index.html");
            // docs:end
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(site)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
