#!/usr/bin/env bash
# The soak run (not CI): HTTP and TCP clients (some sending bad input, some resetting their
# connection mid-request) and an appended CSV file feed a graph that writes to Kafka (a broker
# in-process); a second graph reads it back in batches, flattens, routes failures to a dead-letter
# topic and branches to a slow and a failing sink. The heap is sampled every second in the JVM
# (used, and after the last collection), with GC logging, and every minute the script forces a full
# collection (`jcmd GC.run`) and records `jcmd GC.heap_info`: the live heap, which must stay flat.
# At the end every accepted input is looked up in the output topics (lost must be 0).
#
#   benchmarks/soak.sh [SECONDS] [MAX_HEAP]      defaults: 600 s, 256m
#   SOAK_SKIP_BUILD=1 benchmarks/soak.sh ...     reuse benchmarks/target/benchmarks.jar
#
# Output in benchmarks/target/soak/: samples.csv (one line a second), gc.log, heap-info.txt, run.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
heap="${2:-256m}"
out=benchmarks/target/soak
if [ -z "${SOAK_SKIP_BUILD:-}" ]; then
  mvn -B -q package -pl benchmarks -am -DskipTests -Dmaven.javadoc.skip=true
fi
mkdir -p "$out"
rm -f "$out"/*
java -Xmx"$heap" -Xlog:gc:file="$out/gc.log":uptime,level \
  -cp benchmarks/target/benchmarks.jar io.streamz.benchmarks.Soak "$seconds" "$out/samples.csv" \
  > "$out/run.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
while kill -0 "$pid" 2>/dev/null; do
  for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    jcmd "$pid" GC.run > /dev/null 2>&1 || true
    { date -u +%FT%TZ; jcmd "$pid" GC.heap_info 2>/dev/null | grep -iE 'heap|used' || true; } >> "$out/heap-info.txt"
  fi
done
set +e
wait "$pid"
code=$?
trap - EXIT
grep -vE '^[0-9]+,' "$out/run.log" | grep -v '^t_s,' | tail -20
echo "samples: $out/samples.csv, GC log: $out/gc.log, jcmd: $out/heap-info.txt"
exit "$code"
