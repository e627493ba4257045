package io.streamz.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PluginArgumentsTest {
    @Test
    void readsTypedArgumentsWithDefaults() {
        PluginArguments a = PluginArguments.of("from_csv", new Object[] {"trades.csv"}, 1, 2);
        assertThat(a.size()).isEqualTo(1);
        assertThat(a.get(0, String.class)).isEqualTo("trades.csv");
        assertThat(a.get(1, Duration.class, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(PluginArguments.of("ticker", null, 0, 1).size()).isZero();
    }

    @Test
    void wrongCountsAndTypesNameThePluginAndTheValue() {
        assertThatThrownBy(() -> PluginArguments.of("from_csv", new Object[] {"a", "b", "c"}, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plugin \"from_csv\" takes 1 to 2 arguments, got 3: [a, b, c]");
        assertThatThrownBy(() -> PluginArguments.of("from_csv", new Object[0], 1, 2))
                .hasMessage("Plugin \"from_csv\" takes 1 to 2 arguments, got 0: []");
        PluginArguments a = PluginArguments.of("from_csv", new Object[] {42, null}, 1, 2);
        assertThatThrownBy(() -> a.get(0, String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plugin \"from_csv\": argument 1 must be a String, was Integer 42");
        assertThatThrownBy(() -> a.get(1, String.class, "x"))
                .hasMessage("Plugin \"from_csv\": argument 2 must be a String, was null");
        assertThatThrownBy(() -> a.get(1, Integer.class, 0))
                .hasMessage("Plugin \"from_csv\": argument 2 must be an Integer, was null");
    }
}
