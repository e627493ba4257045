package io.streamz.mqtt;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pipeline of {@link CrashTest}, run in its own JVM: {@code fromMqtt} (QoS 1, a persistent
 * session) {@code -> map -> toMqtt} (QoS 1), writing {@code "out-" + payload} to
 * {@code <output topic>/<worker number>}, so that every output message names who wrote it. It
 * runs until it is killed from outside, or halts the JVM abruptly before the n-th publish.
 *
 * <p>Arguments: broker port, input topic, output topic, worker number, stage ({@code "map"}:
 * halt before the n-th element is published; {@code "none"}: run until killed), n.
 */
public final class CrashWorker {
    static final int HALTED = 99;

    private CrashWorker() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String in = args[1];
        String out = args[2];
        String worker = args[3];
        String stage = args[4];
        int n = Integer.parseInt(args[5]);

        MqttOptions options = MqttOptions.defaults().withMaxReconnectDelay("1s");
        MqttSource source = Mqtt.fromMqtt("127.0.0.1", port, in, 1,
                options.withClientId("crash-pipeline").withCleanSession(false));
        AtomicInteger mapped = new AtomicInteger();
        source.map(r -> {
            if (stage.equals("map") && mapped.incrementAndGet() == n) {
                Runtime.getRuntime().halt(HALTED);
            }
            return "out-" + r.payloadAsString();
        }).as(Mqtt.toMqtt("127.0.0.1", port, out + "/" + worker, 1, options));
        source.start();
        System.out.println("started");
    }
}
