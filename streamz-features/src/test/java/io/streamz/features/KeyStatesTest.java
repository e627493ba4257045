package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table's key map against a {@code HashMap}: equal but distinct keys, colliding hash codes, growth and sweeps. */
class KeyStatesTest {
    @Test
    void findsWhatAHashMapFinds() {
        Random random = new Random(7);
        KeyStates states = new KeyStates();
        Map<Object, double[]> expected = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            int n = random.nextInt(3_000);
            Object key = switch (n % 3) {
                case 0 -> new String("k" + n);          // equal, not the same instance
                case 1 -> List.of(n % 7 == 0 ? "Aa" : "BB", n);   // "Aa" and "BB" have the same hash code
                default -> (long) n;
            };
            double[] state = {n};
            states.put(key, state);
            expected.put(key, state);
            if (i % 5_000 == 4_999) {
                int dropped = states.retainIf(s -> s[0] % 2 == 0);
                int before = expected.size();
                expected.values().removeIf(s -> s[0] % 2 != 0);
                assertThat(dropped).isEqualTo(before - expected.size());
            }
            Object probe = random.nextBoolean() ? key : new String("k" + random.nextInt(3_000));
            assertThat(states.get(probe)).isSameAs(expected.get(probe));
        }
        assertThat(states.size()).isEqualTo(expected.size());
        assertThat(states.keys()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
}
