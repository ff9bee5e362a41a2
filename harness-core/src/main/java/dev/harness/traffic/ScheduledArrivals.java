package dev.harness.traffic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The intended send times of a {@link Schedule}, by a time change of unit-rate processes.
 *
 * <p>Each phase draws its own unit-rate gaps ({@link UnitGaps}) from a generator seeded with
 * {@code Seeds.derive(seed, phaseIndex)}. The cumulative units {@code U₁ < U₂ < …} are mapped to
 * times by the inverse of the phase's cumulative offered load, {@code t = Λ⁻¹(U)}; a phase ends
 * when U passes Λ at the phase end. Times are rounded to nanoseconds and kept strictly increasing
 * by a 1 ns bump where rounding would tie; at absurd rates (more than one send per nanosecond)
 * bumps can pile up, and sends that would be pushed past the end of the schedule are not made.
 */
final class ScheduledArrivals implements ArrivalProcess {
  private final Segment[] segments;
  private final int[] phaseOfSegment;
  private final List<Arrival> phaseArrivals;
  private final long seed;

  private int segment = -1;
  private int phase = -1;
  private UnitGaps gaps;
  /** Cumulative units drawn in the current phase. */
  private double units;
  /** Units of the current phase before the current segment. */
  private double unitsBeforeSegment;

  private long last = -1;

  ScheduledArrivals(
      Segment[] segments, int[] phaseOfSegment, List<Arrival> phaseArrivals, long seed) {
    this.segments = segments;
    this.phaseOfSegment = phaseOfSegment;
    this.phaseArrivals = phaseArrivals;
    this.seed = seed;
  }

  @Override
  public long nextIntendedNanos() {
    if (segment >= segments.length) {
      return END;
    }
    if (segment < 0) {
      startPhaseAt(0);
    }
    units += gaps.nextGap();
    while (units - unitsBeforeSegment >= segments[segment].load()) {
      unitsBeforeSegment += segments[segment].load();
      segment++;
      if (segment >= segments.length) {
        return END;
      }
      if (phaseOfSegment[segment] != phase) {
        startPhaseAt(segment);
        units += gaps.nextGap();
      }
    }
    long t = place(segments[segment], units - unitsBeforeSegment);
    if (t >= segments[segments.length - 1].endNanos()) {
      // only reachable when bumps pile up at more than one send per nanosecond
      segment = segments.length;
      return END;
    }
    return t;
  }

  private void startPhaseAt(int first) {
    segment = first;
    phase = phaseOfSegment[first];
    gaps = UnitGaps.of(phaseArrivals.get(phase), new SplittableRandom(Seeds.derive(seed, phase)));
    units = 0;
    unitsBeforeSegment = 0;
  }

  private long place(Segment s, double unitsIntoSegment) {
    long t = s.startNanos() + Math.round(s.secondsAt(unitsIntoSegment) * 1e9);
    if (t >= s.endNanos()) {
      t = s.endNanos() - 1;
    }
    if (t <= last) {
      t = last + 1;
    }
    last = t;
    return t;
  }
}
