package io.streamz.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.testing.NullContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetApiTest {
    private static final Map<String, Object> SAMPLES = Map.ofEntries(
                Map.entry("path", "/p"),
                Map.entry("options", NetOptions.defaults()),
                Map.entry("uri", "ws://127.0.0.1:1/"),
                Map.entry("delimiter", "\n"),
                Map.entry("host", "127.0.0.1"),
                Map.entry("idleTimeout", "1s"),
                Map.entry("bearerToken", "t"),
                Map.entry("port", 0),
                Map.entry("bytes", 10));

    @Test
    void everyPublicMethodRejectsNullNamingTheParameter() throws Exception {
        assertThat(NullContract.problems(Net.class, null, SAMPLES)).isEmpty();
        assertThat(NullContract.problems(NetOptions.class, NetOptions.defaults(), SAMPLES)).isEmpty();
    }
}
