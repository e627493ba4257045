package io.streamz.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GenerateShopEventsTest {
    @Test
    void theBundledDataSetIsWhatTheGeneratorWrites() throws IOException {
        StringBuilder generated = new StringBuilder();
        int lines = GenerateShopEvents.write(generated, GenerateShopEvents.SESSIONS, GenerateShopEvents.SEED);
        String bundled;
        try (InputStream in = Demo.class.getResourceAsStream(Demo.RESOURCE)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(bundled.length()).as("committed file size").isBetween(1_000_000, 4_000_000);
        assertThat(bundled.split("\n")).hasSize(lines);
        assertThat(bundled).as("regenerate with ./streamz generate").isEqualTo(generated.toString());
    }

    @Test
    void anotherSeedGivesAnotherDayWithTheSameColumns() throws IOException {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        GenerateShopEvents.write(a, 50, 1);
        GenerateShopEvents.write(b, 50, 2);
        assertThat(a.toString()).isNotEqualTo(b.toString());
        String[] lines = a.toString().split("\n");
        assertThat(lines[0]).isEqualTo(ShopEvent.HEADER);
        long wellFormed = java.util.Arrays.stream(lines).skip(1).filter(ShopEvent::isWellFormed).count();
        assertThat(wellFormed).isGreaterThan((lines.length - 1) * 9L / 10);
    }
}
