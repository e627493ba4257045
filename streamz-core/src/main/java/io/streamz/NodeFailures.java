package io.streamz;

/** A node's error policy, errors stream and failure counts (written inside the graph). */
final class NodeFailures {
    volatile ErrorPolicy policy;
    volatile Stream<Failure> errors;
    long failed;
    long skipped;
    long routed;
    long retried;
}
