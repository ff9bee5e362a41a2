#!/usr/bin/env bash
# Capacity search accuracy on the simulator, as CI runs it: the search against M/M/1 and M/M/2
# queues with exact answers (CapacityAccuracyTest) and against the simulated LLM
# (LlmCapacityTest), three seeds each. Prints one line per search (exact answer, bracket, width,
# point estimate and its error, steps, wall time, why it ended) and the steps of each.
# Run it on an otherwise idle machine: a busy one makes steps invalid (generator-limited).
#
#   bench/capacity-accuracy.sh            # both tests
#   bench/capacity-accuracy.sh llm        # only the LLM one
set -euo pipefail
cd "$(dirname "$0")/.."
tests='CapacityAccuracyTest,LlmCapacityTest'
if [ "${1:-}" = llm ]; then tests='LlmCapacityTest'; fi
if [ "${1:-}" = queues ]; then tests='CapacityAccuracyTest'; fi
./mvnw -B -q -o -pl harness-core -am install -DskipTests >/dev/null
start=$(date +%s)
./mvnw -B -q -o -pl harness-core surefire:test@load-tests -Dtest="$tests" 2>&1 \
  | grep -E '^(capacity accuracy|llm capacity|  [a-z]+ )|Tests run:' || true
echo "total wall time: $(( $(date +%s) - start )) s"
