#!/usr/bin/env bash
# The nightly acceptance runs that are too long or too sensitive to a busy host for every commit's
# CI (tagged "nightly"): the capacity search against exact M/M/1 and M/M/2 answers, three seeds
# each (about ten minutes), and the three-seed agreement of the LLM capacity search (about six).
# Run them on a quiet machine: the load generator shares the cores with the simulator, and a busy
# machine makes steps invalid (the tests then skip themselves with the reason rather than pass).
#
#   scripts/nightly.sh            # build, then the nightly-tagged tests of harness-core
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
./mvnw -B -pl harness-core surefire:test@nightly-tests -DskipNightlyTests=false
