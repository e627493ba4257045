package io.streamz.examples.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamz.examples.Snippets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

/**
 * Runs the Kafka example against a real broker started in-process (KRaft mode), and without one;
 * docs/connectors.md must show its code and what it printed.
 */
class KafkaPipelineTest {
    private static final Path ROOT = Path.of(System.getProperty("streamz.root", ".."));

    @Test
    void theExampleLabelsEveryOrderOnARealBrokerAsTheDocsShow() throws Exception {
        String printed;
        try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build()) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            printed = run(cluster.bootstrapServers());
        }

        assertThat(printed).isEqualTo("""
                wrote 5 orders
                order 1: 10 x APPLE
                order 2: 20 x PEAR
                order 3: 30 x APPLE
                order 4: 40 x PEAR
                order 5: 50 x APPLE
                labelled 5 orders
                """);
        String page = Files.readString(ROOT.resolve("docs/connectors.md"), StandardCharsets.UTF_8);
        assertThat(block(page, "connectors-output")).isEqualTo(printed);
        assertThat(block(page, "connectors-example")).isEqualTo(snippet());
    }

    @Test
    void withoutABrokerTheExampleSaysSoAndReturns() throws Exception {
        assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null, "a broker is configured");
        assertThat(run()).startsWith("KafkaPipeline skipped: no broker configured.");
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            KafkaPipeline.main(args);
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static String block(String page, String marker) {
        Matcher m = Pattern.compile("<!-- " + marker + ": KafkaPipeline -->\\s*\\n```[a-z]*\\n(.*?)```",
                Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("docs/connectors.md has <!-- %s: KafkaPipeline -->", marker).isTrue();
        return m.group(1);
    }

    private static String snippet() throws Exception {
        return Snippets.between(ROOT.resolve("src-examples/src/main/java/io/streamz/examples/connectors/KafkaPipeline.java"));
    }
}
