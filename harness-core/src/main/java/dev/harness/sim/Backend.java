package dev.harness.sim;

/** What {@code /metrics} reads from a model, at one virtual instant. */
interface Backend {

  /**
   * @param running requests in service (in the batch)
   * @param waiting requests queued
   * @param kvCacheUsage share of the KV cache reserved, 0..1 (0 for a classic model)
   * @param busyNanos accelerator busy time so far (server-time for c servers)
   * @param capacity how many busy nanoseconds one nanosecond can hold (1, or c servers)
   */
  record Snapshot(int running, int waiting, double kvCacheUsage, long busyNanos, int capacity) {}

  Snapshot snapshot(long nowNanos);
}
