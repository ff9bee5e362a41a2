package dev.harness.payload;

import java.util.SplittableRandom;

/**
 * A fresh permutation per pass over the set, without replacement inside a pass.
 *
 * <p>Pass p is the Fisher–Yates shuffle (Durstenfeld's in-place form, Knuth TAOCP vol. 2,
 * Algorithm 3.4.2 P: for i from n − 1 down to 1, swap element i with a uniform j in [0, i]) of the
 * identity order, driven by a generator seeded with {@code SamplerSeeds.derive(seed, p)}; it does
 * not depend on the earlier passes.
 */
final class ShuffleSampler implements PayloadSampler {
  private final int[] order;
  private final long seed;
  private long pass = -1;
  private int next;

  ShuffleSampler(int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1, got " + size);
    }
    this.order = new int[size];
    this.seed = seed;
    this.next = size;
  }

  @Override
  public int nextIndex() {
    if (next == order.length) {
      pass++;
      shuffle();
      next = 0;
    }
    return order[next++];
  }

  private void shuffle() {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(SamplerSeeds.derive(seed, pass));
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}
