#!/usr/bin/env bash
# Line coverage of each codec's decoding classes reached by the committed fuzz corpus alone: replays
# every @FuzzTest's seeds (as `verify` does) under JaCoCo, then sums the lines per codec.
#
#   bench/fuzz-coverage.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -pl testkit,client,p3,concert,ipp,nexo,app -am org.jacoco:jacoco-maven-plugin:0.8.15:prepare-agent test \
  org.jacoco:jacoco-maven-plugin:0.8.15:report -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false

# codec ; module ; package ; classes left out (a regular expression): builders and checks that only
# the code building messages calls, encoders, and settings the loader never builds from a file (those
# of `tillgate emulate`, from its options); docs/fuzzing.md says why each is left out
CODECS=(
  "P3 JSON codec;client;io.tillgate.p3.codec;.*[.]Builder|P3Validation"
  "P3 framing;client;io.tillgate.p3.netty;P3FrameEncoder|P3Pipelines"
  "Concert TLV codec;concert;io.tillgate.concert.codec;"
  "Concert framing;concert;io.tillgate.concert.netty;"
  "IPP codec;ipp;io.tillgate.ipp.codec;"
  "IPP framing;ipp;io.tillgate.ipp.netty;"
  "nexo codec;nexo;io.tillgate.nexo.codec;"
  "nexo HTTP decoding;nexo;io.tillgate.nexo.netty;NexoAnswerEncoder|NexoHttpAnswer|ConnectionFailures"
  "configuration loader;app;io.tillgate.app.config;EmulatorSettings"
)

echo "| codec | package | left out | lines covered | line coverage |"
echo "|---|---|---|---:|---:|"
for codec in "${CODECS[@]}"; do
  IFS=';' read -r name module package excluded <<< "$codec"
  # jacoco.csv: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
  awk -F, -v pkg="$package" -v excluded="^(${excluded})$" -v name="$name" -v label="${excluded//|/, }" '
    $2 == pkg && $3 !~ excluded { missed += $8; covered += $9 }
    END { printf "| %s | %s | %s | %d / %d | %.1f %% |\n", name, pkg, label == "" ? "—" : label, covered, missed + covered, 100 * covered / (missed + covered) }
  ' "$module/target/site/jacoco/jacoco.csv"
done
