#!/usr/bin/env bash
# How long a fresh JVM takes to write its first graph picture with streamz-graphviz when no
# Graphviz dot program is installed: runs the Visualize example (a four-node graph) N times per
# format, each in a new JVM with dot kept off the PATH, and prints wall seconds (mean, median,
# range) and CPU seconds.
#
#   benchmarks/visualize-cold-start.sh [RUNS]      (default 10 runs per format)
#
# The time includes the JVM's own start, class loading, the ELK layout and the drawing: all that a
# user waits for between `java ...` and the file. The goal is under 3 s (see docs/visualize.md).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"

cp_file=src-examples/target/cold-start-classpath.txt
mvn -q -B -DskipTests -pl src-examples -am package dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile=target/cold-start-classpath.txt >&2
cp="$(cat "$cp_file"):src-examples/target/classes"
java="$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "date: $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -1)"
printf '%-6s %5s %22s %10s %14s %10s\n' format runs "wall s (mean ± sd)" "wall median" "wall min-max" "cpu s mean"
for format in svg png pdf; do
  walls=() cpus=()
  for ((i = 0; i < runs; i++)); do
    rm -f "$out/graph.$format"
    t0=$(date +%s%N)
    cpu=$( { TIMEFORMAT='%U %S'; time PATH=/nonexistent "$java" -cp "$cp" io.streamz.examples.Visualize \
        "$out/graph.$format" >/dev/null; } 2>&1 | awk '{print $1 + $2}')
    t1=$(date +%s%N)
    [ -s "$out/graph.$format" ] || { echo "no picture written: $out/graph.$format" >&2; exit 1; }
    walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {print (b - a) / 1e9}')")
    cpus+=("$cpu")
  done
  printf '%s\n' "${walls[@]}" | sort -g | awk -v f="$format" -v n="$runs" -v cpu="$(printf '%s\n' "${cpus[@]}" | awk '{s += $1} END {print s / NR}')" \
    '{w[NR] = $1; s += $1; q += $1 * $1} END {mean = s / n; sd = sqrt(q / n - mean * mean);
      median = n % 2 ? w[(n + 1) / 2] : (w[n / 2] + w[n / 2 + 1]) / 2;
      printf "%-6s %5d %15.2f ± %.2f %11.2f %6.2f-%-7.2f %10.2f\n", f, n, mean, sd, median, w[1], w[n], cpu}'
done
