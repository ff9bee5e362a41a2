package dev.harness.traffic;

/**
 * Intended send times of a schedule, in order. Pure: the same phases and seed give the same
 * sequence.
 */
public interface ArrivalProcess {
  /** Returned by {@link #nextIntendedNanos()} when the schedule has no more sends. */
  long END = Long.MAX_VALUE;

  /**
   * Offset of the next intended send from the schedule's origin, strictly greater than the
   * previous one, or {@link #END}.
   */
  long nextIntendedNanos();
}
