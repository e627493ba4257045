package io.streamz.mqtt;

import io.streamz.Stream;
import io.streamz.spi.NodeProvider;
import io.streamz.spi.PluginArguments;

/**
 * The plugin {@code "to_mqtt"}: {@code stream.plugin("to_mqtt", host, port, topic[, qos[,
 * options]])} builds {@link Mqtt#toMqtt(String, int, String, int, MqttOptions)}.
 *
 * <pre>{@code
 * readings.plugin("to_mqtt", "localhost", 1883, "sensors/temp", 1);
 * }</pre>
 */
public final class ToMqttProvider implements NodeProvider {
    @Override
    public String name() {
        return "to_mqtt";
    }

    @Override
    public String description() {
        return "publishes every element to an MQTT topic: (host, port, topic[, qos[, MqttOptions]])";
    }

    @Override
    public Stream<?> create(Stream<?> upstream, Object... args) {
        PluginArguments a = PluginArguments.of("to_mqtt", args, 3, 5);
        return upstream.as(Mqtt.toMqtt(a.get(0, String.class), a.get(1, Integer.class), a.get(2, String.class),
                a.get(3, Integer.class, 0), a.get(4, MqttOptions.class, MqttOptions.defaults())));
    }
}
