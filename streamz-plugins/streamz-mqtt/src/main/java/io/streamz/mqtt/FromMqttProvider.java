package io.streamz.mqtt;

import io.streamz.Stream;
import io.streamz.spi.PluginArguments;
import io.streamz.spi.SourceProvider;

/**
 * The plugin {@code "from_mqtt"}: {@code Stream.source("from_mqtt", host, port, topic[, qos[,
 * options]])} builds {@link Mqtt#fromMqtt(String, int, String, int, MqttOptions)}.
 *
 * <pre>{@code
 * Source<MqttRecord> in = Stream.source("from_mqtt", "localhost", 1883, "sensors/#", 1);
 * }</pre>
 */
public final class FromMqttProvider implements SourceProvider {
    @Override
    public String name() {
        return "from_mqtt";
    }

    @Override
    public String description() {
        return "messages of an MQTT topic: (host, port, topic[, qos[, MqttOptions]])";
    }

    @Override
    public Stream<?> create(Object... args) {
        PluginArguments a = PluginArguments.of("from_mqtt", args, 3, 5);
        return Mqtt.fromMqtt(a.get(0, String.class), a.get(1, Integer.class), a.get(2, String.class),
                a.get(3, Integer.class, 0), a.get(4, MqttOptions.class, MqttOptions.defaults()));
    }
}
