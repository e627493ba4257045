/**
 * MQTT connectors: {@link io.streamz.mqtt.Mqtt#fromMqtt} and {@link io.streamz.mqtt.Mqtt#toMqtt}
 * (streamz {@code from_mqtt}, {@code to_mqtt}), also reachable as the plugins
 * {@code "from_mqtt"} and {@code "to_mqtt"}.
 */
package io.streamz.mqtt;
