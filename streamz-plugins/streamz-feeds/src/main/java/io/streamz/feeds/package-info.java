/**
 * riko's fetch sources and pipes: text, JSON and RSS/Atom feeds read over HTTP
 * ({@link io.streamz.feeds.Feeds#fromUrl(String)}), and the pipes that wait for the end of the
 * input ({@link io.streamz.feeds.Pipes#sort}, {@link io.streamz.feeds.Pipes#count()}).
 *
 * <pre>{@code
 * Source<FeedEntry> news = Feeds.fromFeed("https://example.org/feed.xml");
 * news.map(FeedEntry::title).sink(System.out::println);
 * news.start();
 * news.completion().join();
 * }</pre>
 */
package io.streamz.feeds;
