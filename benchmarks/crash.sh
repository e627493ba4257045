#!/usr/bin/env bash
# The long series of the crash tests (not CI, which runs 50 Kafka and 51 MQTT crash points): the
# pipeline's JVM killed with SIGKILL or halted at random points, the broker restarted once, every
# record and message counted (see streamz-kafka's and streamz-mqtt's CrashTest). Slow: about 3 to
# 7 s per crash point on 2 cores. The MQTT series needs `mosquitto` on the PATH.
#
#   benchmarks/crash.sh [CRASHES] [kafka|mqtt|both]     defaults: 300 crash points, both
set -euo pipefail
cd "$(dirname "$0")/.."
crashes="${1:-300}"
which="${2:-both}"
case "$which" in
  kafka) modules=streamz-plugins/streamz-kafka ;;
  mqtt) modules=streamz-plugins/streamz-mqtt ;;
  both) modules=streamz-plugins/streamz-kafka,streamz-plugins/streamz-mqtt ;;
  *) echo "usage: $0 [CRASHES] [kafka|mqtt|both]" >&2; exit 2 ;;
esac
mvn -B -q verify -pl "$modules" -am -Dtest=CrashTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmaven.javadoc.skip=true -Dstreamz.crash.count="$crashes" -Djunit.jupiter.execution.timeout.mode=disabled
for m in ${modules//,/ }; do
  grep -h "Tests run" "$m"/target/surefire-reports/*CrashTest.txt
  grep -ho "crash test (seed [0-9]*): [0-9]* [a-z]*, [0-9]* crashes" "$m"/target/surefire-reports/*CrashTest-output.txt || true
  grep -hoE "[0-9]+ written, [0-9]+ missing, [0-9]+ duplicates|[0-9]+ missing, [0-9]+ duplicates" \
    "$m"/target/surefire-reports/*CrashTest-output.txt || true
done
