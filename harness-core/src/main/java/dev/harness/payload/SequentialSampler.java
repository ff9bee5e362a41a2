package dev.harness.payload;

/** File order, wrapping around. */
final class SequentialSampler implements PayloadSampler {
  private final int size;
  private int next;

  SequentialSampler(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1, got " + size);
    }
    this.size = size;
  }

  @Override
  public int nextIndex() {
    int index = next;
    next = next + 1 == size ? 0 : next + 1;
    return index;
  }
}
