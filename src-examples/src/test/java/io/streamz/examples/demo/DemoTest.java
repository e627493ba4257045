package io.streamz.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the demo on the bundled day, as fast as possible, and checks its numbers against a plain loop. */
class DemoTest {
    @TempDir
    static Path out;
    static String printed;
    static String summary;

    // What a plain loop over the same file finds.
    static long lines;
    static long malformed;
    static long clicks;
    static long purchases;
    static double revenue;
    static double[] hourlyRevenue = new double[24];
    static long[] hourlyClicks = new long[24];
    static Map<String, Double> byCategory = new HashMap<>();

    @BeforeAll
    static void runDemoAndTheOracle() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Demo.main(new String[] {"--speedup", "max", "--out", out.toString(), "--no-picture"});
        } finally {
            System.setOut(saved);
        }
        printed = bytes.toString(StandardCharsets.UTF_8);
        summary = Files.readString(out.resolve("summary.txt"));

        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Demo.class.getResourceAsStream(Demo.RESOURCE), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines++;
                if (!ShopEvent.isWellFormed(line)) {
                    malformed++;
                    continue;
                }
                ShopEvent e = ShopEvent.parse(line);
                if (e.isClick()) {
                    clicks++;
                    hourlyClicks[e.time().atZone(ZoneOffset.UTC).getHour()]++;
                } else if (e.isPurchase()) {
                    purchases++;
                    revenue += e.amount();
                    hourlyRevenue[e.time().atZone(ZoneOffset.UTC).getHour()] += e.amount();
                    byCategory.merge(e.category(), e.amount(), Double::sum);
                }
            }
        }
    }

    @Test
    void printsProgressThenTheSummaryAndWritesIt() {
        assertThat(printed).startsWith("streamz demo: replaying the bundled day");
        assertThat(printed).contains("elements out of each node").containsPattern("23:59 +[0-9,]+/s").contains(summary);
        assertThat(out.resolve("hourly.csv")).exists();
        assertThat(out.resolve("graph.dot")).content()
                .contains("timedWindow", "zip \\\"hour\\\"", "partition \\\"visits\\\"", "rolling", "groupby");
    }

    @Test
    void countsMatchAPlainLoop() {
        assertThat(malformed).isPositive();
        assertThat(summary)
                .contains(String.format(Locale.ROOT, "Summary of 2024-11-29: %,d lines", lines))
                .contains(String.format(Locale.ROOT, "(%,d malformed lines dropped)", malformed))
                .containsPattern(String.format(Locale.ROOT, "clicks +%,d ", clicks))
                .containsPattern(String.format(Locale.ROOT, "purchases +%,d ", purchases))
                .contains(String.format(Locale.ROOT, "$%,.2f", revenue));
        byCategory.forEach((category, amount) -> assertThat(summary)
                .containsPattern(String.format(Locale.ROOT, "%s +\\$%,.2f", category, amount).replace(".", "\\.")));
    }

    @Test
    void hourlyTableMatchesAPlainLoop() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("hourly.csv"));
        assertThat(rows).hasSize(25);
        for (int h = 0; h < 24; h++) {
            String[] f = rows.get(h + 1).split(",");
            assertThat(f[0]).isEqualTo(String.format(Locale.ROOT, "%02d:00", h));
            assertThat(Long.parseLong(f[1])).as("clicks at %02d:00", h).isEqualTo(hourlyClicks[h]);
            assertThat(Double.parseDouble(f[3])).as("revenue at %02d:00", h).isCloseTo(hourlyRevenue[h],
                    org.assertj.core.data.Offset.offset(0.006));
        }
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> DemoOptions.parse("--speedup", "fast"))
                .hasMessage("demo: --speedup must be a positive number or \"max\", was \"fast\"");
        assertThatThrownBy(() -> DemoOptions.parse("--dta", "x.csv"))
                .hasMessage("demo: unknown option \"--dta\"; try --help");
        assertThatThrownBy(() -> DemoOptions.parse("--out"))
                .hasMessage("demo: --out needs a value; try --help");
        assertThat(DemoOptions.parse("--help").help()).isTrue();
        assertThat(DemoOptions.parse().speedup()).isEqualTo(DemoOptions.DEFAULT_SPEEDUP);
    }
}
