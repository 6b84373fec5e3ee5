#!/usr/bin/env bash
# The 100 MB case of hostile_huge.sh (label "slow"): skipped unless RELOCALE_SLOW_TESTS=1, e.g.
#   RELOCALE_SLOW_TESTS=1 ctest -L slow
[ "${RELOCALE_SLOW_TESTS:-0}" = 1 ] || { echo "skipped: set RELOCALE_SLOW_TESTS=1"; exit 77; }
HOSTILE_MB=100 HOSTILE_TIMEOUT=${HOSTILE_TIMEOUT:-7200} exec bash "$(dirname "$0")/hostile_huge.sh"
