package dev.harness.payload;

import java.util.SplittableRandom;

/**
 * Independent draws with probability {@code w[i] / Σw}, in constant time per draw, by the alias
 * method (Walker, ACM TOMS 3(3), 1977) with Vose's linear-time table construction (Vose, IEEE TSE
 * 17(9), 1991): scale the weights to mean 1, then repeatedly pair a column below 1 with one above
 * 1, filling the small column up to 1 with the large one's index as its alias. A draw picks a
 * column i uniformly and keeps it with probability {@code prob[i]}, else takes {@code alias[i]}.
 */
final class AliasSampler implements PayloadSampler {
  private final double[] prob;
  private final int[] alias;
  private final SplittableRandom random;

  AliasSampler(double[] weights, long seed) {
    int n = weights.length;
    if (n < 1) {
      throw new IllegalArgumentException("weights must not be empty");
    }
    double total = 0;
    for (double w : weights) {
      if (!(w > 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weight must be > 0, got " + w);
      }
      total += w;
    }
    prob = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int s = small[--smallCount];
      int l = large[--largeCount];
      prob[s] = scaled[s];
      alias[s] = l;
      scaled[l] = (scaled[l] + scaled[s]) - 1;
      if (scaled[l] < 1) {
        small[smallCount++] = l;
      } else {
        large[largeCount++] = l;
      }
    }
    // What is left is 1 up to rounding.
    while (largeCount > 0) {
      prob[large[--largeCount]] = 1;
    }
    while (smallCount > 0) {
      prob[small[--smallCount]] = 1;
    }
    this.random = new SplittableRandom(SamplerSeeds.derive(seed, 0));
  }

  @Override
  public int nextIndex() {
    int column = random.nextInt(prob.length);
    return random.nextDouble() < prob[column] ? column : alias[column];
  }
}
