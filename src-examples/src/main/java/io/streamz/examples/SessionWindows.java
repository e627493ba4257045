package io.streamz.examples;

import io.streamz.EventWindows;
import io.streamz.Stream;
import io.streamz.WatermarkStrategy;
import java.time.Instant;
import java.util.function.Function;

/**
 * Session windows: each user's page views, grouped into visits that end after 30 minutes without
 * a view; a late view that falls between two visits joins them into one.
 */
public final class SessionWindows {
    private SessionWindows() {
    }

    /** A page view: who, which page, when. */
    record View(String user, String page, Instant time) {
    }

    /** Prints each user's visits, in the order they end. */
    public static void main(String[] args) {
        // docs:start
        Function<String, Instant> at = hms -> Instant.parse("2026-03-01T" + hms + "Z");

        Stream<View> views = Stream.create();
        views.withTimestamps(View::time, WatermarkStrategy.boundedOutOfOrderness("1h"))
                .eventWindow(EventWindows.session("30m"), View::user)
                .map(visit -> visit.key() + " " + visit.start().toString().substring(11, 16) + "-"
                        + visit.end().toString().substring(11, 16) + ": "
                        + visit.value().stream().map(View::page).toList())
                .sink(System.out::println);

        views.emit(new View("alice", "home", at.apply("09:00:00")));
        views.emit(new View("alice", "news", at.apply("09:10:00")));
        views.emit(new View("bob", "home", at.apply("09:05:00")));
        views.emit(new View("alice", "home", at.apply("10:00:00")));   // 50 minutes later: a new visit
        views.emit(new View("bob", "shop", at.apply("09:50:00")));
        views.emit(new View("bob", "cart", at.apply("09:30:00")));     // out of order: joins bob's two visits
        views.emitEnd();
        // docs:end
    }
}
