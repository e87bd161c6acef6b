#!/usr/bin/env bash
# Promotes what a fuzzing run (bench/fuzz.sh) found to the committed seeds: for each target, libFuzzer's
# merge copies into src/test/resources/<package>/<Class>Inputs/<method>/ only the generated inputs that
# reach coverage the seeds there do not. Inputs holding a run of 13 to 19 digits that passes the Luhn
# check are left out, so no seed can look like a card number.
#
#   bench/fuzz-seeds.sh [FILTER]      (FILTER as for bench/fuzz.sh; run bench/fuzz.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FILTER=${1:-}
CPU=${FUZZ_CPU:-$(($(nproc) - 1))}

# Whether a file holds a run of 13 to 19 digits (a whole run, not part of a longer one) that passes the Luhn check.
looks_like_a_card_number() {
  grep -a -o -E '[0-9]+' "$1" | awk '
    length($0) >= 13 && length($0) <= 19 {
      sum = 0
      for (i = length($0); i >= 1; i--) {
        d = substr($0, i, 1) + 0
        if ((length($0) - i) % 2 == 1) { d *= 2; if (d > 9) d -= 9 }
        sum += d
      }
      if (sum % 10 == 0) { found = 1 }
    }
    END { exit found ? 0 : 1 }'
}

grep -E '^  "[a-z0-9]+ io\.' bench/fuzz.sh | tr -d '"' | while read -r module class method; do
  simple=${class##*.}
  [[ -z $FILTER || "$simple#$method" =~ $FILTER ]] || continue
  corpus=$module/target/fuzz/corpus/$simple/$method
  [[ -d $corpus ]] || continue
  seeds=$module/src/test/resources/$(dirname "${class//.//}")/${simple}Inputs/$method
  candidates=$(mktemp -d)
  for input in "$corpus"/*; do
    looks_like_a_card_number "$input" || cp "$input" "$candidates"
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
