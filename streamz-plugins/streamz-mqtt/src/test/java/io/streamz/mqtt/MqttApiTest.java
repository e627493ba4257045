package io.streamz.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.testing.NullContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttApiTest {
    private static final Map<String, Object> SAMPLES = Map.ofEntries(
                Map.entry("host", "127.0.0.1"),
                Map.entry("topic", "t"),
                Map.entry("options", MqttOptions.defaults()),
                Map.entry("clientId", "c"),
                Map.entry("username", "u"),
                Map.entry("password", new char[] {'p'}),
                Map.entry("keepAlive", "30s"),
                Map.entry("connectionTimeout", "10s"),
                Map.entry("maxReconnectDelay", "5s"),
                Map.entry("port", 1883),
                Map.entry("qos", 1),
                Map.entry("cleanSession", true),
                Map.entry("messages", 10));

    @Test
    void everyPublicMethodRejectsNullNamingTheParameter() throws Exception {
        assertThat(NullContract.problems(Mqtt.class, null, SAMPLES)).isEmpty();
        assertThat(NullContract.problems(MqttOptions.class, MqttOptions.defaults(), SAMPLES)).isEmpty();
    }
}
