package dev.harness.payload;

/**
 * Seeds for payload-order generators, derived from the run seed and kept apart from the seeds of
 * the arrival streams (which use the same mixer without the tag), so payload order and send gaps
 * are independent.
 */
final class SamplerSeeds {
  /** Tag xor-ed into the run seed: the ASCII of "payload!". */
  private static final long TAG = 0x7061796c6f616421L;

  private SamplerSeeds() {}

  /**
   * The SplitMix64 output function (Steele, Lea and Flood, OOPSLA 2014) of {@code (seed ^ TAG) +
   * (stream + 1) · 0x9e3779b97f4a7c15}.
   */
  static long derive(long seed, long stream) {
    long z = (seed ^ TAG) + (stream + 1) * 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
