/**
 * CSV and JSON-lines files as sources and sinks, on Jackson: {@link io.streamz.files.Csv} and
 * {@link io.streamz.files.JsonLines}, also reachable as the plugins {@code "from_csv"},
 * {@code "sink_to_csv"}, {@code "from_jsonl"} and {@code "sink_to_jsonl"}.
 */
package io.streamz.files;
