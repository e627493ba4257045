package io.streamz.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class LocalEngineTest {
    @Test
    void runsTasksAndReportsCheckedFailures() {
        try (LocalEngine engine = LocalEngine.threads(2)) {
            assertThat(engine.submit(() -> 6 * 7).join()).isEqualTo(42);
            assertThatThrownBy(() -> engine.submit(() -> {
                throw new IOException("disk");
            }).join()).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void perTaskUsesVirtualThreadsWhereTheRuntimeHasThem() {
        try (LocalEngine engine = LocalEngine.perTask()) {
            boolean virtual = Runtime.version().feature() >= 21;
            assertThat(engine.toString()).isEqualTo(virtual ? "local(virtual threads)" : "local(thread per task)");
            assertThat(engine.submit(() -> Thread.currentThread().isDaemon() || virtual).join()).isTrue();
        }
    }

    @Test
    void aClosedEngineRefusesTasksButTheCommonOneStaysOpen() {
        LocalEngine engine = LocalEngine.threads(1);
        engine.close();
        assertThatThrownBy(() -> engine.submit(() -> 1)).isInstanceOf(RejectedExecutionException.class);
        LocalEngine.common().close();
        assertThat(LocalEngine.common().submit(() -> 1).join()).isEqualTo(1);
    }
}
