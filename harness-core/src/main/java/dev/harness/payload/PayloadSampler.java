package dev.harness.payload;

/**
 * Chooses which payload goes with each request. Seeded: the same sampling, set and seed give the
 * same index sequence, so runs and candidates replay paired requests. Not thread-safe; the pacer
 * owns one.
 */
public interface PayloadSampler {

  /** Index of the next payload, in {@code [0, size)}. */
  int nextIndex();

  /**
   * A sampler over {@code set}.
   *
   * <ul>
   *   <li>{@link Sampling#SEQUENTIAL}: 0, 1, …, size − 1, 0, 1, … (the seed is unused);
   *   <li>{@link Sampling#SHUFFLE}: each pass over the set is a Fisher–Yates permutation seeded by
   *       (seed, pass), so every payload is used once per pass and passes differ;
   *   <li>{@link Sampling#WEIGHTED}: independent draws with probability proportional to {@link
   *       PayloadSet#weight}, by the alias method.
   * </ul>
   */
  static PayloadSampler of(Sampling sampling, PayloadSet set, long seed) {
    if (sampling == null) {
      throw new IllegalArgumentException("sampling is required");
    }
    if (set == null) {
      throw new IllegalArgumentException("payload set is required");
    }
    switch (sampling) {
      case SEQUENTIAL:
        return new SequentialSampler(set.size());
      case SHUFFLE:
        return new ShuffleSampler(set.size(), seed);
      case WEIGHTED:
        double[] weights = new double[set.size()];
        for (int i = 0; i < weights.length; i++) {
          weights[i] = set.weight(i);
        }
        return new AliasSampler(weights, seed);
      default:
        throw new IllegalArgumentException("unknown sampling " + sampling);
    }
  }
}
