#!/usr/bin/env bash
# Promotes what a fuzzing run (bench/fuzz.sh) found to the committed seeds: for each target, libFuzzer's
# merge copies into src/test/resources/<package>/<Class>Inputs/<method>/ only the generated inputs that
# reach coverage the seeds there do not. Inputs holding a run of 13 to 19 digits are left out, so no
# seed can look like a card number.
#
#   bench/fuzz-seeds.sh [FILTER]      (FILTER as for bench/fuzz.sh; run bench/fuzz.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FILTER=${1:-}
CPU=${FUZZ_CPU:-$(($(nproc) - 1))}

grep -E '^  "[a-z0-9]+ io\.' bench/fuzz.sh | tr -d '"' | while read -r module class method; do
  simple=${class##*.}
  [[ -z $FILTER || "$simple#$method" == *"$FILTER"* ]] || continue
  corpus=$module/target/fuzz/corpus/$simple/$method
  [[ -d $corpus ]] || continue
  seeds=$module/src/test/resources/$(dirname "${class//.//}")/${simple}Inputs/$method
  candidates=$(mktemp -d)
  for input in "$corpus"/*; do
    grep -q -a -E '(^|[^0-9])[0-9]{13,19}([^0-9]|$)' "$input" || cp "$input" "$candidates"
  done
  before=$(find "$seeds" -type f | wc -l)
  (
    cd "$module"
    taskset -c "$CPU" java -Xmx1g -XX:ActiveProcessorCount=1 -Dlogback.configurationFile="$ROOT/bench/fuzz-logback.xml" \
      -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
      com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" \
      -merge=1 "$ROOT/$seeds" "$candidates" > "target/fuzz/logs/${simple}_${method}_merge.log" 2>&1
  )
  rm -rf "$candidates"
  echo "$simple#$method: $before seeds, $(($(find "$seeds" -type f | wc -l) - before)) added"
done
