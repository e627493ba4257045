package io.streamz.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./streamz demo --dashboard}: prints the dashboard's address on 127.0.0.1, serves the
 * replayed graph's counters there, and keeps it up after the replay until Enter.
 */
class DemoDashboardTest {
    private static final Pattern URL = Pattern.compile("dashboard: (http://127\\.0\\.0\\.1:\\d+/)\\R");

    @TempDir
    Path out;

    @Test
    void printsTheUrlAndServesTheReplayedGraphUntilEnter() throws Exception {
        CountDownLatch replayed = new CountDownLatch(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream watched = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
                if (bytes.toString(StandardCharsets.UTF_8).contains("until you press Enter")) {
                    replayed.countDown();
                }
            }
        };
        PipedOutputStream enter = new PipedOutputStream();
        InputStream keyboard = new PipedInputStream(enter);
        PrintStream savedOut = System.out;
        InputStream savedIn = System.in;
        System.setOut(new PrintStream(watched, true, StandardCharsets.UTF_8));
        System.setIn(keyboard);
        CompletableFuture<Void> demo = CompletableFuture.runAsync(() -> {
            try {
                Demo.main(new String[] {"--speedup", "max", "--out", out.toString(), "--no-picture", "--dashboard"});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String url;
        String snapshot;
        String meta;
        try {
            assertThat(replayed.await(120, TimeUnit.SECONDS)).as("the replay ends and waits for Enter").isTrue();
            Matcher m = URL.matcher(bytes.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).as("the dashboard's address is printed").isTrue();
            url = m.group(1);
            HttpClient http = HttpClient.newHttpClient();
            meta = http.send(HttpRequest.newBuilder(URI.create(url + "api/meta")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            snapshot = http.send(HttpRequest.newBuilder(URI.create(url + "api/snapshot")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            enter.write('\n');
            enter.flush();
            demo.get(60, TimeUnit.SECONDS);
        } finally {
            System.setOut(savedOut);
            System.setIn(savedIn);
            enter.close();
        }

        assertThat(meta).contains("\"title\":\"web shop demo\"", "stream \\\"lines\\\"", "\"timing\":true",
                "revenue (running total)", "purchase amounts", "basket: rolling mean of the last hour");
        // every line of the day went through the first node, as the page shows it
        assertThat(snapshot).contains("{\"id\":\"n0\",\"in\":" + linesOfTheDay() + ",");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("replay done; the dashboard stays at " + url);
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/meta")).build(),
                    HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("the dashboard still answers after Enter");
        } catch (java.io.IOException closed) {
            // closed with the demo
        }
    }

    private static long linesOfTheDay() throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Demo.class.getResourceAsStream(Demo.RESOURCE), StandardCharsets.UTF_8))) {
            return r.lines().count() - 1;   // without the header
        }
    }
}
