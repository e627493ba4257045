#!/usr/bin/env bash
# Builds the JMH suite, runs it, times the same pipelines on Python streamz when available, and
# prints the comparison table (see benchmarks/README.md).
#
#   benchmarks/run.sh [--quick] [--no-python] [--no-build] [JMH regexp or options...]
#   benchmarks/run.sh --table [--no-build]
#
#   --quick      short iterations: 5-10 minutes on 2 cores (default: the full run)
#   --table      exactly the table of docs/benchmarks.md, with error bars: the six core pipelines
#                (streamz, confined, loop, Reactor, RxJava, RxJava serialized), the dataframe
#                rolling mean (and Python streamz's), KafkaEndToEnd; 2 or 3 forks each, about
#                18 minutes on 2 cores. Writes benchmarks/target/table.md
#   --no-python  skip the Python streamz column
#   --no-build   reuse benchmarks/target/benchmarks.jar
#   anything else is passed to JMH, e.g. 'MapSink|Map10' to run only those classes
#
# Results: benchmarks/target/jmh-result.json (JMH), benchmarks/target/python-result.json,
# benchmarks/target/report.md (the printed tables).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
table=false
python_column=true
build=true
jmh_extra=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --table) table=true ;;
    --no-python) python_column=false ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) jmh_extra+=("$arg") ;;
  esac
done

target=benchmarks/target
if $build || [ ! -f "$target/benchmarks.jar" ]; then
  echo "== building benchmarks.jar" >&2
  mvn -q -B -pl benchmarks -am package -DskipTests
fi

if $quick; then
  defaults=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
  python_opts=(--quick)
else
  defaults=(-f 2 -wi 5 -w 2s -i 5 -r 2s)
  python_opts=()
fi
# a default option the caller gave too is left to the caller (JMH refuses repeated options)
jmh_opts=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
  given=false
  for arg in ${jmh_extra[@]+"${jmh_extra[@]}"}; do
    [ "$arg" = "${defaults[k]}" ] && given=true
  done
  $given || jmh_opts+=("${defaults[k]}" "${defaults[k + 1]}")
done

# JMH refuses to start while another JMH run holds its lock file; wait for that run instead
jmh_lock_held() {
  python3 -c 'import fcntl, sys
with open(sys.argv[1], "a") as f:
    try:
        fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        sys.exit(0)
sys.exit(1)' /tmp/jmh.lock
}
while jmh_lock_held; do
  echo "   another JMH run holds /tmp/jmh.lock; waiting for it" >&2
  sleep 10
done

if $table; then
  # The table: every row in one session, forks for the error bars. The warm-ups are what the
  # slowest pipelines need to reach their steady state (the quiet run of 2026-12-06 14:55 showed
  # SlidingWindow10, the rolling mean and both Kafka contenders still speeding up in their
  # measured iterations after shorter ones). Core pipelines: 2 forks x (4 x 1 s warm-up + 4 x 1 s),
  # 36 methods, about 10 minutes; rolling mean: 3 forks x (6 x 1 s + 5 x 1 s), 3 methods, about
  # 2 minutes; KafkaEndToEnd: 2 forks x (3 x 10 s + 4 x 10 s) plus starting and filling the
  # broker, about 5 minutes.
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  started=$(date -u '+%Y-%m-%d %H:%M UTC')
  core='^io\.streamz\.benchmarks\.(MapSink|Map10|FilterAccumulate|Unique100|SlidingWindow10|BranchZip)\.(streamz|streamzConfined|loop|reactor|rxjava|rxjavaSerialized)$'
  rolling='^io\.streamz\.benchmarks\.DataFrameRollingMean\.(streamz|loop|loopPandas)$'
  echo "== JMH core pipelines (-f 2 -wi 4 -w 1s -i 4 -r 1s)" >&2
  java -jar "$target/benchmarks.jar" "$core" -f 2 -wi 4 -w 1s -i 4 -r 1s -prof gc \
    -rf json -rff "$target/table-core.json" >"$target/table-core.txt"
  echo "== JMH rolling mean (-f 3 -wi 6 -w 1s -i 5 -r 1s)" >&2
  java -jar "$target/benchmarks.jar" "$rolling" -f 3 -wi 6 -w 1s -i 5 -r 1s -prof gc \
    -rf json -rff "$target/table-rolling.json" >"$target/table-rolling.txt"
  echo "== JMH KafkaEndToEnd (-f 2 -wi 3 -w 10s -i 4 -r 10s)" >&2
  java -jar "$target/benchmarks.jar" '^io\.streamz\.benchmarks\.KafkaEndToEnd\.' -f 2 -wi 3 -w 10s -i 4 -r 10s \
    -prof gc -rf json -rff "$target/table-kafka.json" >"$target/table-kafka.txt"
  python_result=()
  python=${PYTHON:-/usr/bin/python3}
  if [ -x "$python" ] && "$python" -c "import streamz, pandas" 2>/dev/null; then
    echo "== Python streamz rolling mean ($python)" >&2
    "$python" benchmarks/python/bench_streamz.py --only DataFrameRollingMean --repeats 15 \
      --out "$target/table-python.json" >&2
    python_result=(--python "$target/table-python.json")
  fi
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  {
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), \
$(java -version 2>&1 | head -1)"
    echo "Date: $started to $(date -u '+%H:%M UTC'), code at $(git rev-parse --short HEAD 2>/dev/null || echo '?'); \
load average (1/5/15 min) before: $load_before, after: $load_after"
    echo "Command: benchmarks/run.sh $*"
    echo
    python3 benchmarks/python/table.py "$target/table-core.json" "$target/table-rolling.json" "$target/table-kafka.json" \
      ${python_result[@]+"${python_result[@]}"}
  } | tee "$target/table.md"
  exit 0
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== JMH ${jmh_opts[*]} -prof gc ${jmh_extra[*]:-}" >&2
java -jar "$target/benchmarks.jar" "${jmh_opts[@]}" -prof gc \
  -rf json -rff "$target/jmh-result.json" ${jmh_extra[@]+"${jmh_extra[@]}"} >"$target/jmh-output.txt"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "   (JMH log: $target/jmh-output.txt)" >&2

python_result=()
python=${PYTHON:-/usr/bin/python3}
if $python_column && [ -x "$python" ] && "$python" -c "import streamz, pandas" 2>/dev/null; then
  echo "== Python streamz ($python)" >&2
  # only the pipelines JMH ran (the classes named in its results)
  only=$(python3 -c 'import json, sys
names = {r["benchmark"].rsplit(".", 2)[-2] for r in json.load(open(sys.argv[1]))}
known = set(sys.argv[2].split())
print(",".join(sorted(names & known)))' "$target/jmh-result.json" \
    "$("$python" benchmarks/python/bench_streamz.py --list)")
  "$python" benchmarks/python/bench_streamz.py ${python_opts[@]+"${python_opts[@]}"} --only "$only" \
    --out "$target/python-result.json" >&2
  python_result=("$target/python-result.json")
elif $python_column; then
  echo "== no streamz+pandas in $python: no streamz-python column" >&2
fi

{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), \
$(java -version 2>&1 | head -1)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average (1/5/15 min) before JMH: $load_before, after: $load_after"
  echo "Command: benchmarks/run.sh $*"
  echo
  python3 benchmarks/python/report.py "$target/jmh-result.json" ${python_result[@]+"${python_result[@]}"}
} | tee "$target/report.md"
