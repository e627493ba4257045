#!/usr/bin/env bash
# The long series of the chaos test: member processes killed (kill -9) at random points of a
# stream, repeated, every element counted (see streamz-hazelcast's ChaosTest). Slow: about 40 s
# per run on 2 cores. Not part of CI, which runs it once.
#
#   benchmarks/chaos.sh [RUNS] [ELEMENTS]     defaults: 20 runs of 300 elements
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
elements="${2:-300}"
mvn -B -q verify -pl streamz-hazelcast -am -Dtest=ChaosTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmaven.javadoc.skip=true -Dstreamz.chaos.runs="$runs" -Dstreamz.chaos.elements="$elements"
grep -h "Tests run" streamz-hazelcast/target/surefire-reports/*ChaosTest.txt
