package io.streamz.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class NullContractTest {
    /** Rejects its null arguments as the plugin APIs must. */
    public static final class Strict {
        public static String join(String left, String right) {
            Objects.requireNonNull(left, "join: left is null");
            Objects.requireNonNull(right, "join: right is null");
            return left + right;
        }
    }

    /** Accepts a null {@code right}, and rejects a null {@code left} without naming it. */
    public static final class Lax {
        public static String join(String left, String right) {
            return left.concat(String.valueOf(right));
        }
    }

    private static final Map<String, Object> SAMPLES = Map.of("left", "a", "right", "b");

    @Test
    void aStrictClassHasNoProblems() throws Exception {
        assertThat(NullContract.problems(Strict.class, null, SAMPLES)).isEmpty();
    }

    @Test
    void reportsAcceptedNullsAndUnnamedRejections() throws Exception {
        List<String> problems = NullContract.problems(Lax.class, null, SAMPLES);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0) + problems.get(1))
                .contains("with null left threw java.lang.NullPointerException")
                .contains("accepted null right");
    }

    @Test
    void needsASampleForEveryOtherParameter() {
        assertThatThrownBy(() -> NullContract.problems(Strict.class, null, Map.of("left", "a")))
                .hasMessageContaining("a sample for right");
    }
}
