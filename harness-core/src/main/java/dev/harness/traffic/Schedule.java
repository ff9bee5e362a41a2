package dev.harness.traffic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The phases of a run laid end to end from offset 0, cut into recorded {@link Step}s, with the
 * intended send times they produce. A pure function of (phases, seed): no clock, no I/O.
 *
 * <pre>{@code
 * Schedule schedule = Schedule.of(plan.phases(), plan.seed());
 * ArrivalProcess arrivals = schedule.arrivals();
 * for (long t = arrivals.nextIntendedNanos();
 *     t != ArrivalProcess.END;
 *     t = arrivals.nextIntendedNanos()) {
 *   int step = schedule.stepIndexAt(t);   // the cohort the request belongs to
 *   ...
 * }
 * }</pre>
 *
 * <h2>Steps</h2>
 *
 * A constant or ramp phase is one step named after the phase; a stairs phase is one step per stair,
 * named {@code "<phase>#<k>"} with k from 1. Windows are contiguous and half-open.
 *
 * <h2>Send times</h2>
 *
 * Unit-rate gaps (mean 1) are drawn once per seed and stretched by a time change: send i falls
 * where the cumulative offered load {@code Λ(t) = ∫ rate} reaches the i-th cumulative unit gap. So
 * the same seed replays the same unit sequence at any rate, and doubling every rate of a constant
 * phase exactly halves every offset into it (to within 1 ns of rounding): steps and candidates see
 * paired request sequences.
 *
 * <p>Each phase has its own unit stream, seeded from (seed, phase index), so changing one phase
 * (its rate, length or arrival kind) does not move the sends of any other phase. A stairs phase is
 * one stream across its stairs.
 *
 * <p>Conventions: uniform sends fall at the middle of each unit of load, so send i (0-based) of a
 * constant phase at rate r is at {@code (i + 0.5) / r} after the phase start, and a phase offering
 * L requests sends round(L) of them. Poisson and gamma sends start one random gap after the phase
 * start. Intended times are strictly increasing: a tie from rounding to nanoseconds is bumped by 1
 * ns.
 */
public final class Schedule {
  private final List<Step> steps;
  private final List<Arrival> phaseArrivals;
  private final int[] phaseOfStep;
  private final long[] stepStarts;
  private final long durationNanos;
  private final long seed;

  private Schedule(List<Step> steps, List<Arrival> phaseArrivals, int[] phaseOfStep, long seed) {
    this.steps = List.copyOf(steps);
    this.phaseArrivals = List.copyOf(phaseArrivals);
    this.phaseOfStep = phaseOfStep;
    this.stepStarts = steps.stream().mapToLong(Step::startOffsetNanos).toArray();
    this.durationNanos = steps.get(steps.size() - 1).endOffsetNanos();
    this.seed = seed;
  }

  /**
   * Lays out {@code phases} in order.
   *
   * @throws IllegalArgumentException when there are no phases, a phase is null, or two steps would
   *     share a name
   */
  public static Schedule of(List<Phase> phases, long seed) {
    if (phases == null || phases.isEmpty()) {
      throw new IllegalArgumentException("a schedule needs at least one phase");
    }
    List<Step> steps = new ArrayList<>();
    List<Arrival> arrivals = new ArrayList<>();
    List<Integer> phaseOfStep = new ArrayList<>();
    Set<String> names = new HashSet<>();
    long offset = 0;
    for (int p = 0; p < phases.size(); p++) {
      Phase phase = phases.get(p);
      if (phase == null) {
        throw new IllegalArgumentException("phase " + (p + 1) + " is null");
      }
      arrivals.add(phase.arrival());
      for (Step shape : stepsOf(phase)) {
        long end = Math.addExact(offset, shape.durationNanos());
        Step step =
            new Step(
                steps.size(),
                shape.name(),
                phase.name(),
                offset,
                end,
                shape.startRatePerSec(),
                shape.endRatePerSec());
        if (!names.add(step.name())) {
          throw new IllegalArgumentException("duplicate step name '" + step.name() + "'");
        }
        steps.add(step);
        phaseOfStep.add(p);
        offset = end;
      }
    }
    return new Schedule(
        steps, arrivals, phaseOfStep.stream().mapToInt(Integer::intValue).toArray(), seed);
  }

  /** The steps of one phase, with windows relative to the phase start. */
  private static List<Step> stepsOf(Phase phase) {
    if (phase instanceof ConstantPhase c) {
      long d = c.duration().toNanos();
      return List.of(new Step(0, c.name(), c.name(), 0, d, c.ratePerSec(), c.ratePerSec()));
    }
    if (phase instanceof RampPhase r) {
      long d = r.duration().toNanos();
      return List.of(
          new Step(0, r.name(), r.name(), 0, d, r.fromRatePerSec(), r.toRatePerSec()));
    }
    StairsPhase s = (StairsPhase) phase;
    long d = s.stepDuration().toNanos();
    List<Step> stairs = new ArrayList<>(s.steps());
    for (int k = 0; k < s.steps(); k++) {
      double rate = s.rateOfStep(k);
      stairs.add(
          new Step(
              k, s.name() + "#" + (k + 1), s.name(), k * d, Math.multiplyExact(k + 1L, d), rate,
              rate));
    }
    return stairs;
  }

  /** All steps in order; windows are contiguous from offset 0. */
  public List<Step> steps() {
    return steps;
  }

  /** The seed the send times are drawn from. */
  public long seed() {
    return seed;
  }

  /** End of the last step, nanoseconds from the origin. */
  public long durationNanos() {
    return durationNanos;
  }

  /** Sum of the steps' expected requests (the integral of the offered rate). */
  public double expectedRequests() {
    return steps.stream().mapToDouble(Step::expectedRequests).sum();
  }

  /**
   * A new iterator over the intended send times, from the beginning; every call gives the same
   * sequence. Not thread-safe: one iterator per consumer.
   */
  public ArrivalProcess arrivals() {
    Segment[] segments = steps.stream().map(Segment::new).toArray(Segment[]::new);
    return new ScheduledArrivals(segments, phaseOfStep, phaseArrivals, seed);
  }

  /** Index of the step whose window {@code [start, end)} holds the offset, or -1 outside. */
  public int stepIndexAt(long offsetNanos) {
    if (offsetNanos < 0 || offsetNanos >= durationNanos) {
      return -1;
    }
    int i = Arrays.binarySearch(stepStarts, offsetNanos);
    return i >= 0 ? i : -i - 2;
  }
}
