#!/usr/bin/env bash
# The nightly acceptance runs that are too long for every commit's CI (tagged "nightly"):
# today the three-seed agreement of the LLM capacity search (about six minutes). Run it on a
# quiet machine: the load generator shares the cores with the simulator, and a busy machine makes
# steps invalid (the tests then skip themselves with the reason rather than pass).
#
#   scripts/nightly.sh            # build, then the nightly-tagged tests of harness-core
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
./mvnw -B -pl harness-core surefire:test@nightly-tests -DskipNightlyTests=false
