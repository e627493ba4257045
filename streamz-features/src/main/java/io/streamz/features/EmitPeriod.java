package io.streamz.features;

/**
 * Which event of each window {@link Flows#sampleWindow} emits (storey {@code EmitPeriod}).
 *
 * <pre>{@code
 * Flows.sampleWindow(source, 3, EmitPeriod.LAST, null);   // 1..9 -> 3, 6, 9
 * }</pre>
 */
public enum EmitPeriod {
    /** The first event of each window. */
    FIRST,
    /** The last event of each window. */
    LAST
}
