package io.streamz.examples;

import com.hazelcast.config.Config;
import io.streamz.RefCounter;
import io.streamz.Stream;
import io.streamz.distributed.Distributed;
import io.streamz.distributed.Engine;
import io.streamz.distributed.LocalEngine;
import io.streamz.hazelcast.HazelcastEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The seed's Dask example: the same graph on a local engine, then on a Hazelcast member. */
public final class ScaleOut {
    private ScaleOut() {
    }

    // docs:start
    /** Squares 0..9 on {@code engine}, up to 8 at once, and returns them in order. */
    static List<Integer> squares(Engine engine) {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Distributed.scatter(source, engine)   // elements go to the engine
                .map(x -> x * x)                                  // one task per element
                .buffer(8)                                        // up to 8 tasks in flight
                .gather()                                         // back to a local Stream, in order
                .sinkToList();
        for (int i = 0; i < 9; i++) {
            source.emit(i);
        }
        CompletableFuture<Void> lastGathered = new CompletableFuture<>();
        source.emit(9, List.of(Map.of("ref", new RefCounter(() -> lastGathered.complete(null)))));
        lastGathered.join();   // refs are released once gather emitted the element
        return out;
    }

    public static void main(String[] args) {
        try (LocalEngine threads = LocalEngine.threads(2)) {
            System.out.println("local:     " + squares(threads));
        }

        Config member = HazelcastEngine.memberConfig("streamz-example", 5701, List.of("127.0.0.1"));
        member.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        member.setProperty("hazelcast.logging.type", "none");
        try (HazelcastEngine cluster = HazelcastEngine.member(member)) {
            System.out.println("hazelcast: " + squares(cluster));
        }
    }
    // docs:end
}
