package dev.harness.traffic;

/** Derivation of independent generator seeds from a run seed. */
final class Seeds {
  /** The golden-ratio increment of SplitMix64, {@code 0x9e3779b97f4a7c15}. */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private Seeds() {}

  /**
   * A seed for stream {@code stream} of run seed {@code seed}: the SplitMix64 output function
   * (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014,
   * finaliser "mix64") applied to {@code seed + (stream + 1) * GOLDEN_GAMMA}. Neighbouring streams
   * give unrelated seeds, and a stream's seed does not depend on any other stream.
   */
  static long derive(long seed, long stream) {
    long z = seed + (stream + 1) * GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
