package io.streamz.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated interval strings: every text parses to the duration it spells or is refused with an
 * {@link IllegalArgumentException} quoting it; nothing else (no hang on huge exponents, no
 * other exception).
 */
class IntervalsFuzzTest {
    private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "min", 60_000_000_000L, "h", 3_600_000_000_000L, "d", 86_400_000_000_000L);

    @Property(tries = 2_000)
    void anyTextParsesOrIsRefusedQuotingIt(@ForAll("texts") String text) {
        Duration d;
        try {
            d = Intervals.parse(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("Invalid interval \"" + text + "\"");
            return;
        }
        assertThat(d.isNegative()).isFalse();
    }

    @Property(tries = 1_500)
    void aNumberAndAUnitSpellTheirDuration(@ForAll("spelled") Map.Entry<String, BigDecimal> spelled) {
        BigDecimal nanos = spelled.getValue();
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            assertThatThrownBy(() -> Intervals.parse(spelled.getKey())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith("too large");
        } else {
            assertThat(Intervals.parse(spelled.getKey())).isEqualTo(Duration.ofNanos(nanos.longValueExact()));
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(12);
        Arbitrary<String> near = Combinators.combine(
                Arbitraries.of("", " ", "-", "+", ".", "1", "0.5", "1e", "1e999999999", "1e-999999999", "1e2147483647",
                        "1e2147483648", "0e-99999", "9".repeat(30), "1.", ".5", "1e-9"),
                Arbitraries.of("", "s", "ms", "MS", "µs", "us", "min", "hours", "parsecs", "d", "e5s", " s "),
                Arbitraries.of("", " ", "s", "\n", "1"))
                .as((a, b, c) -> a + b + c);
        return Arbitraries.oneOf(noise, near);
    }

    @Provide
    Arbitrary<Map.Entry<String, BigDecimal>> spelled() {
        Arbitrary<BigDecimal> number = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1e6")).ofScale(3);
        Arbitrary<Integer> exponent = Arbitraries.integers().between(-12, 30);
        Arbitrary<String> unit = Arbitraries.of(List.copyOf(UNITS.keySet()));
        return Combinators.combine(number, exponent, unit, Arbitraries.of("", " ")).as((n, e, u, space) -> {
            String text = n.toPlainString() + "e" + e + space + u;
            BigDecimal nanos = n.scaleByPowerOfTen(e).multiply(BigDecimal.valueOf(UNITS.get(u)))
                    .setScale(0, RoundingMode.HALF_EVEN);
            return Map.entry(text, nanos);
        });
    }
}
