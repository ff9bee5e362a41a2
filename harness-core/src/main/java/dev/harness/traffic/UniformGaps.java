package dev.harness.traffic;

/** Evenly spaced units, the first half a gap after the start. */
final class UniformGaps implements UnitGaps {
  private boolean first = true;

  @Override
  public double nextGap() {
    if (first) {
      first = false;
      return 0.5;
    }
    return 1;
  }
}
