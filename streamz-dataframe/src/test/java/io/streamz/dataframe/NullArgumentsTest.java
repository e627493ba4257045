package io.streamz.dataframe;

import com.google.common.testing.NullPointerTester;
import io.streamz.Stream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every public method of the dataframe API rejects a null argument with a NullPointerException. */
class NullArgumentsTest {
    private final Frame frame = Frame.of("x", new double[] {1}, "name", new String[] {"a"},
            "t", new Instant[] {Instant.EPOCH});
    private final StreamingDataFrame sdf = StreamingDataFrame.from(Stream.create(), frame, "t");

    private static NullPointerTester tester() {
        return new NullPointerTester()
                .setDefault(Frame.class, Frame.of("x", new double[] {1}))
                .setDefault(Column.class, DoubleColumn.of("x", 1))
                .setDefault(Duration.class, Duration.ofSeconds(1))
                .setDefault(Selection.class, Selection.all(1))
                .setDefault(Stream.class, Stream.create());
    }

    @Test
    void framesAndColumnsRejectNulls() {
        NullPointerTester t = tester();
        t.testAllPublicStaticMethods(Frame.class);
        t.testAllPublicInstanceMethods(frame);
        t.testAllPublicInstanceMethods(frame.doubleColumn("x"));
        t.testAllPublicInstanceMethods(frame.stringColumn("name"));
        t.testAllPublicInstanceMethods(Selection.all(1));
        t.testAllPublicInstanceMethods(Series.of("x", 1.0));
        t.testAllPublicStaticMethods(StreamingDataFrame.class);
        t.testAllPublicStaticMethods(Batch.class);
    }

    @Test
    void streamingObjectsRejectNulls() {
        NullPointerTester t = tester().setDefault(StreamingSeries.class, sdf.col("x"));
        t.testAllPublicInstanceMethods(sdf);
        t.testAllPublicInstanceMethods(sdf.col("x"));
        t.testAllPublicInstanceMethods(sdf.window(2));
        t.testAllPublicInstanceMethods(sdf.window(2).col("x"));
        t.testAllPublicInstanceMethods(sdf.rolling(2));
        t.testAllPublicInstanceMethods(sdf.rolling(2).col("x"));
        t.testAllPublicInstanceMethods(sdf.groupby("name"));
        t.testAllPublicInstanceMethods(Batch.from(Stream.create()));
    }
}
