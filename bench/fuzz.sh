#!/usr/bin/env bash
# Coverage-guided fuzzing of every decoder harness (the @FuzzTest classes), one target at a time on
# one CPU, for a given time each. Not part of `./mvnw verify`, which only replays the committed seeds.
#
#   bench/fuzz.sh [DURATION] [FILTER]
#
#   DURATION  per target: 90s, 5m, 1h (default 5m)
#   FILTER    runs only the targets whose Class#method matches it (an extended regular expression, so a
#             plain substring works), e.g. Ipp, P3CodecFuzzTest#decode or 'P3|Concert'
#
# Environment: FUZZ_CPU (the CPU to pin to, default the last one), FUZZ_HEAP (default 1g),
# FUZZ_SUMMARY (the summary file, default target/fuzz-summary.md), FUZZ_NO_BUILD=1 (use the classes of an
# earlier build: two runs on two CPUs share one build and must not compile under each other).
#
# New corpus entries go to <module>/target/fuzz/corpus/<Class>/<method>/, findings (crash-*, timeout-*,
# oom-*) to <module>/target/fuzz/findings/<Class>/<method>/, the fuzzer's log to target/fuzz/logs/. None
# of it is committed: a finding is minimised (-minimize_crash, see docs/fuzzing.md) and only then added
# to the seeds under src/test/resources/<package>/<Class>Inputs/<method>/, where `verify` replays it.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=${1:-5m}
FILTER=${2:-}
CPU=${FUZZ_CPU:-$(($(nproc) - 1))}
HEAP=${FUZZ_HEAP:-1g}

TARGETS=(
  "client io.tillgate.p3.codec.P3CodecFuzzTest decode"
  "client io.tillgate.p3.netty.P3FrameDecoderFuzzTest frames"
  "p3 io.tillgate.p3.server.P3TcpPipelineFuzzTest connection"
  "concert io.tillgate.concert.codec.TlvCodecFuzzTest decode"
  "concert io.tillgate.concert.netty.ConcertFrameDecoderFuzzTest requestMode"
  "concert io.tillgate.concert.netty.ConcertFrameDecoderFuzzTest answerMode"
  "concert io.tillgate.concert.frontend.ConcertPipelineFuzzTest connection"
  "ipp io.tillgate.ipp.codec.IppCodecFuzzTest decode"
  "ipp io.tillgate.ipp.codec.IppHostRelayFuzzTest relay"
  "ipp io.tillgate.ipp.netty.IppFrameDecoderFuzzTest frames"
  "ipp io.tillgate.ipp.frontend.IppPipelineFuzzTest connection"
  "nexo io.tillgate.nexo.codec.NexoCodecFuzzTest requests"
  "nexo io.tillgate.nexo.codec.NexoCodecFuzzTest responses"
  "nexo io.tillgate.nexo.codec.NexoReceiptFuzzTest receipt"
  "nexo io.tillgate.nexo.frontend.NexoPipelineFuzzTest connection"
  "app io.tillgate.app.config.ConfigLoaderFuzzTest load"
)

seconds() {
  local d=$1
  case $d in
    *h) echo $((${d%h} * 3600)) ;;
    *m) echo $((${d%m} * 60)) ;;
    *s) echo "${d%s}" ;;
    *) echo "$d" ;;
  esac
}
MAX_TOTAL_TIME=$(seconds "$DURATION")

# One build for all targets: test classes, and each module's test class path in a file.
if [[ -z ${FUZZ_NO_BUILD:-} ]]; then
  ./mvnw -q -pl testkit,client,p3,concert,ipp,nexo,app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
fi

SUMMARY=${FUZZ_SUMMARY:-$ROOT/target/fuzz-summary.md}
mkdir -p "$ROOT/target"
{
  echo "Fuzzing run of $(date -u '+%Y-%m-%d %H:%M UTC'): $DURATION per target, CPU $CPU of $(nproc), heap $HEAP"
  echo
  echo "| target | executions | exec/s | edges (cov) | features (ft) | corpus | findings |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
} > "$SUMMARY"

for target in "${TARGETS[@]}"; do
  read -r module class method <<< "$target"
  simple=${class##*.}
  [[ -z $FILTER || "$simple#$method" =~ $FILTER ]] || continue
  corpus=target/fuzz/corpus/$simple/$method
  findings=target/fuzz/findings/$simple/$method
  log=$ROOT/$module/target/fuzz/logs/${simple}_$method.log
  (
    cd "$module"
    mkdir -p "$corpus" "$findings" "$(dirname "$log")"
    echo "== $simple#$method ($DURATION on CPU $CPU)"
    # -XX:ActiveProcessorCount=1 keeps the JVM's own GC and JIT threads to the one CPU's worth; the
    # testkit's leak guard runs as in the test suite (it reports after the run, in the log).
    taskset -c "$CPU" java -Xmx"$HEAP" -XX:ActiveProcessorCount=1 \
      -Dlogback.configurationFile="$ROOT/bench/fuzz-logback.xml" -Djunit.jupiter.extensions.autodetection.enabled=true \
      -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
      com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" --keep_going=10 \
      -max_total_time="$MAX_TOTAL_TIME" -timeout=10 -rss_limit_mb=3072 -artifact_prefix="$findings/" \
      "$corpus" > "$log" 2>&1 || true
  )
  # libFuzzer's last status line: "#<runs> DONE cov: <edges> ft: <features> corp: <n>/<size> ... exec/s: <n>"
  status=$(grep -E '^#[0-9]+[[:space:]]+(DONE|NEW|REDUCE|pulse|INITED)' "$log" | tail -1 || true)
  runs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<< "$status")
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<< "$status")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<< "$status")
  corp=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<< "$status")
  rate=$(sed -nE 's/.* exec\/s: ([0-9]+).*/\1/p' <<< "$status")
  found=$(find "$module/$findings" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  echo "| $simple#$method | ${runs:-?} | ${rate:-?} | ${cov:-?} | ${ft:-?} | ${corp:-?} | $found |" | tee -a "$SUMMARY"
done

echo
cat "$SUMMARY"
