#!/usr/bin/env python3
"""A 1 ms sleeper outside the JVM: how late does a plain process wake up on this box?

The harness's hiccup meter asks its JVM thread to sleep 1 ms and records how late it woke up.
This does the same in a separate, small process, so that a late wake-up seen by both comes from
the box (CPU contention, hypervisor steal, timer slack), not from the JVM (GC, JIT, safepoints).

Usage: box-hiccup.py SECONDS
Prints one line: "<samples> <p99 ms> <p99.9 ms> <max ms> <wake-ups over 1 ms per second>".
"""
import sys
import time

RESOLUTION_NS = 1_000_000


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: box-hiccup.py SECONDS", file=sys.stderr)
        return 2
    seconds = float(sys.argv[1])
    if seconds <= 0:
        print(f"box-hiccup.py: SECONDS must be > 0, got {sys.argv[1]}", file=sys.stderr)
        return 2
    end = time.monotonic_ns() + int(seconds * 1e9)
    late = []
    while True:
        before = time.monotonic_ns()
        if before >= end:
            break
        time.sleep(RESOLUTION_NS / 1e9)
        late.append(max(0, time.monotonic_ns() - before - RESOLUTION_NS))
    late.sort()
    n = len(late)
    if n == 0:
        print("0 0 0 0 0")
        return 0

    def pct(p: float) -> float:
        return late[min(n - 1, int(n * p))] / 1e6

    over = sum(1 for v in late if v > RESOLUTION_NS)
    print(f"{n} {pct(0.99):.3f} {pct(0.999):.3f} {late[-1] / 1e6:.3f} {over / seconds:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
