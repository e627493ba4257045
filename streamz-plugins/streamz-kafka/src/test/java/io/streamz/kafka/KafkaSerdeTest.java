package io.streamz.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class KafkaSerdeTest {
    record Point(int x, int y) {
    }

    @Test
    void stringsAreUtf8() {
        KafkaSerde<String> s = KafkaSerde.string();
        assertThat(s.serialize("t", "héllo")).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(s.deserialize("t", s.serialize("t", "héllo"))).isEqualTo("héllo");
        assertThat(s.serializer()).isSameAs(s);
        assertThat(s.deserializer()).isSameAs(s);
    }

    /** The consumer hands a deserializer a buffer over the fetched bytes: strings are read from it in place. */
    @Test
    void theConsumersBufferPathReadsInPlaceAndLeavesTheBufferAlone() {
        byte[] fetched = "xxhéllo!".getBytes(StandardCharsets.UTF_8);
        ByteBuffer record = ByteBuffer.wrap(fetched, 2, "héllo".getBytes(StandardCharsets.UTF_8).length).slice();
        assertThat(KafkaSerde.string().deserialize("t", new RecordHeaders(), record)).isEqualTo("héllo");
        assertThat(KafkaSerde.string().deserialize("t", new RecordHeaders(), (ByteBuffer) null)).isNull();
        assertThat(KafkaSerde.string().serialize("t", new RecordHeaders(), "é"))
                .isEqualTo("é".getBytes(StandardCharsets.UTF_8));
        ByteBuffer[] seen = new ByteBuffer[1];
        KafkaSerde<Integer> custom = KafkaSerde.of((t, i) -> new byte[] {i.byteValue()}, new Deserializer<Integer>() {
            @Override
            public Integer deserialize(String topic, byte[] data) {
                return (int) data[0];
            }

            @Override
            public Integer deserialize(String topic, Headers headers, ByteBuffer data) {
                seen[0] = data;
                return (int) data.get(data.position());
            }
        });
        ByteBuffer seven = ByteBuffer.wrap(new byte[] {7});
        assertThat(custom.deserialize("t", new RecordHeaders(), seven)).isEqualTo(7);
        assertThat(seen[0]).as("the same buffer, not a copy").isSameAs(seven);
    }

    @Test
    void bytesPassThrough() {
        byte[] b = {1, 2, 3};
        assertThat(KafkaSerde.bytes().serialize("t", b)).isSameAs(b);
        assertThat(KafkaSerde.bytes().deserialize("t", b)).isSameAs(b);
    }

    @Test
    void jsonReadsRecordsAndGenericTypes() {
        KafkaSerde<Point> points = KafkaSerde.json(Point.class);
        assertThat(new String(points.serialize("t", new Point(1, 2)), StandardCharsets.UTF_8))
                .isEqualTo("{\"x\":1,\"y\":2}");
        assertThat(points.deserialize("t", "{\"x\":3,\"y\":4}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Point(3, 4));
        KafkaSerde<List<Point>> lists = KafkaSerde.json(new TypeReference<List<Point>>() { });
        assertThat(lists.deserialize("t", "[{\"x\":1,\"y\":1}]".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(new Point(1, 1));
    }

    @Test
    void nullStaysNullBothWays() {
        assertThat(KafkaSerde.string().serialize("t", null)).isNull();
        assertThat(KafkaSerde.string().deserialize("t", null)).isNull();
        assertThat(KafkaSerde.json(Point.class).serialize("t", null)).isNull();
        assertThat(KafkaSerde.json(Point.class).deserialize("t", null)).isNull();
        assertThat(KafkaSerde.auto().serialize("t", null)).isNull();
    }

    @Test
    void badJsonNamesTheTopicAndTheType() {
        assertThatThrownBy(() -> KafkaSerde.json(Point.class).deserialize("points", "{oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot read JSON from topic \"points\" as " + Point.class.getName());
    }

    @Test
    void autoWritesByType() {
        Serializer<Object> auto = KafkaSerde.auto();
        assertThat(auto.serialize("t", "s")).isEqualTo(new byte[] {'s'});
        assertThat(auto.serialize("t", new byte[] {7})).isEqualTo(new byte[] {7});
        assertThat(auto.serialize("t", ByteBuffer.wrap(new byte[] {8, 9}))).isEqualTo(new byte[] {8, 9});
        assertThat(new String(auto.serialize("t", Map.of("a", List.of(1))), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":[1]}");
    }

    @Test
    void customSerdesWrapLambdas() {
        KafkaSerde<Integer> ints = KafkaSerde.of((t, i) -> new byte[] {i.byteValue()}, (t, b) -> (int) b[0]);
        assertThat(ints.deserialize("t", ints.serialize("t", 42))).isEqualTo(42);
        assertThatThrownBy(() -> KafkaSerde.of(null, (t, b) -> 1))
                .isInstanceOf(NullPointerException.class).hasMessage("KafkaSerde.of: serializer is null");
        assertThatThrownBy(() -> KafkaSerde.json((Class<?>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("KafkaSerde.json: type is null");
    }
}
