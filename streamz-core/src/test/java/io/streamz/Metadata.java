package io.streamz;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Test helpers for metadata: streamz's {@code metadata(stream)} node and ref metadata. */
final class Metadata {
    private Metadata() {
    }

    /** Metadata holding {@code ref} under {@code "ref"}. */
    static List<Map<String, Object>> ref(RefCounter ref) {
        return List.of(Map.of("ref", ref));
    }

    /** Metadata {@code [{"v": v}]}. */
    static List<Map<String, Object>> v(int v) {
        return List.of(Map.of("v", v));
    }

    /** A node that emits the metadata of every element that has some (streamz tests' {@code metadata}). */
    static Stream<List<Map<String, Object>>> of(Stream<?> upstream) {
        return new MetadataNode(upstream);
    }

    private static final class MetadataNode extends Stream<List<Map<String, Object>>> {
        MetadataNode(Stream<?> upstream) {
            super(upstream);
        }

        @Override
        protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
            return metadata.isEmpty() ? null : emitDownstream(metadata, NO_METADATA);
        }
    }
}
