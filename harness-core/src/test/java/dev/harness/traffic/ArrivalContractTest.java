package dev.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every arrival kind must do inside a {@link Schedule}. One subclass per kind supplies the
 * {@link Arrival} and how far a count may stray from its expectation.
 */
abstract class ArrivalContractTest {

  static final long SEED = 20240611L;

  /** The arrival kind under test. */
  abstract Arrival arrival();

  /** Allowed |count − expected| for a window that offers {@code expected} requests. */
  abstract double countTolerance(double expected);

  /** Whether the seed changes the sequence (false for evenly spaced sends). */
  boolean isRandom() {
    return true;
  }

  static long[] collect(ArrivalProcess arrivals) {
    List<Long> times = new ArrayList<>();
    for (long t = arrivals.nextIntendedNanos();
        t != ArrivalProcess.END;
        t = arrivals.nextIntendedNanos()) {
      times.add(t);
    }
    return times.stream().mapToLong(Long::longValue).toArray();
  }

  /** Warm-up ramp, steady phase and stairs: every step shape in one schedule. */
  List<Phase> mixedPhases(double scale) {
    return List.of(
        new RampPhase("warmup", 0, 40 * scale, Duration.ofSeconds(10), arrival()),
        new ConstantPhase("steady", 50 * scale, Duration.ofSeconds(20), arrival()),
        new StairsPhase("climb", 20 * scale, 80 * scale, 4, Duration.ofSeconds(5), arrival()),
        new RampPhase("cooldown", 60 * scale, 0, Duration.ofSeconds(8), arrival()));
  }

  @Test
  void intendedTimesAreStrictlyIncreasing() {
    long[] times = collect(Schedule.of(mixedPhases(1), SEED).arrivals());

    assertThat(times).hasSizeGreaterThan(1000);
    for (int i = 1; i < times.length; i++) {
      assertThat(times[i]).as("send %d", i).isGreaterThan(times[i - 1]);
    }
  }

  @Test
  void intendedTimesLieInsideTheSchedule() {
    Schedule schedule = Schedule.of(mixedPhases(1), SEED);
    long[] times = collect(schedule.arrivals());

    assertThat(times).isNotEmpty();
    assertThat(Arrays.stream(times).min().orElseThrow()).isNotNegative();
    assertThat(Arrays.stream(times).max().orElseThrow()).isLessThan(schedule.durationNanos());
  }

  @Test
  void eachStepGetsCloseToItsExpectedRequests() {
    Schedule schedule = Schedule.of(mixedPhases(1), SEED);
    int[] counts = countsPerStep(schedule);

    for (Step step : schedule.steps()) {
      double expected = step.expectedRequests();
      assertThat((double) counts[step.index()])
          .as("requests in step %s (expected %.1f)", step.name(), expected)
          .isCloseTo(expected, offset(countTolerance(expected)));
    }
  }

  @Test
  void aRampOffersTheIntegralOfItsRateInEachHalf() {
    for (double[] ramp : new double[][] {{0, 40}, {10, 50}, {60, 0}}) {
      RampPhase phase = new RampPhase("ramp", ramp[0], ramp[1], Duration.ofSeconds(30), arrival());
      long[] times = collect(Schedule.of(List.of(phase), SEED).arrivals());
      long half = Duration.ofSeconds(15).toNanos();
      long firstHalf = Arrays.stream(times).filter(t -> t < half).count();
      long secondHalf = times.length - firstHalf;
      double mid = (ramp[0] + ramp[1]) / 2;
      double expectedFirst = (ramp[0] + mid) / 2 * 15;
      double expectedSecond = (mid + ramp[1]) / 2 * 15;

      assertThat((double) firstHalf)
          .as("first half of ramp %s -> %s", ramp[0], ramp[1])
          .isCloseTo(
              expectedFirst, offset(countTolerance(expectedFirst)));
      assertThat((double) secondHalf)
          .as("second half of ramp %s -> %s", ramp[0], ramp[1])
          .isCloseTo(
              expectedSecond, offset(countTolerance(expectedSecond)));
    }
  }

  @Test
  void theSameSeedReplaysTheSameSequence() {
    long[] first = collect(Schedule.of(mixedPhases(1), SEED).arrivals());
    long[] second = collect(Schedule.of(mixedPhases(1), SEED).arrivals());

    assertThat(second).isEqualTo(first);
  }

  @Test
  void everyCallToArrivalsStartsAgainFromTheBeginning() {
    Schedule schedule = Schedule.of(mixedPhases(1), SEED);
    ArrivalProcess a = schedule.arrivals();
    long firstOfA = a.nextIntendedNanos();
    a.nextIntendedNanos();

    assertThat(schedule.arrivals().nextIntendedNanos()).isEqualTo(firstOfA);
    assertThat(collect(schedule.arrivals())).isEqualTo(collect(schedule.arrivals()));
  }

  @Test
  void aDifferentSeedGivesADifferentSequence() {
    assumeTrue(isRandom(), "evenly spaced sends do not depend on the seed");
    long[] first = collect(Schedule.of(mixedPhases(1), SEED).arrivals());
    long[] other = collect(Schedule.of(mixedPhases(1), SEED + 1).arrivals());

    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void doublingEveryRateHalvesEveryOffsetIntoAConstantPhase() {
    List<Phase> base =
        List.of(
            new ConstantPhase("a", 30, Duration.ofSeconds(10), arrival()),
            new ConstantPhase("b", 70, Duration.ofSeconds(10), arrival()));
    List<Phase> doubled =
        List.of(
            new ConstantPhase("a", 60, Duration.ofSeconds(10), arrival()),
            new ConstantPhase("b", 140, Duration.ofSeconds(10), arrival()));
    Schedule slow = Schedule.of(base, SEED);
    Schedule fast = Schedule.of(doubled, SEED);

    for (int step = 0; step < 2; step++) {
      long start = slow.steps().get(step).startOffsetNanos();
      long[] slowOffsets = offsetsInStep(slow, step, start);
      long[] fastOffsets = offsetsInStep(fast, step, start);
      assertThat(fastOffsets.length).isGreaterThan(slowOffsets.length);
      for (int i = 0; i < slowOffsets.length; i++) {
        assertThat(Math.abs(2 * fastOffsets[i] - slowOffsets[i]))
            .as("send %d of step %d: %d ns at rate r, %d ns at 2r", i, step, slowOffsets[i],
                fastOffsets[i])
            .isLessThanOrEqualTo(1L);
      }
    }
  }

  @Test
  void changingOnePhaseLeavesTheOtherPhasesUnchanged() {
    Schedule original = Schedule.of(mixedPhases(1), SEED);
    List<Phase> changed = new ArrayList<>(mixedPhases(1));
    changed.set(1, new ConstantPhase("steady", 35, Duration.ofSeconds(20), arrival()));
    Schedule edited = Schedule.of(changed, SEED);

    for (int step : new int[] {0, 2, 3, 4, 5, 6}) {
      long start = original.steps().get(step).startOffsetNanos();
      assertThat(offsetsInStep(edited, step, start))
          .as("step %s", original.steps().get(step).name())
          .isEqualTo(offsetsInStep(original, step, start));
    }
    assertThat(offsetsInStep(edited, 1, 0)).isNotEqualTo(offsetsInStep(original, 1, 0));
  }

  @Test
  void endIsReturnedAgainAfterTheLastSend() {
    ArrivalProcess arrivals =
        Schedule.of(List.of(new ConstantPhase("s", 10, Duration.ofSeconds(2), arrival())), SEED)
            .arrivals();
    collect(arrivals);

    assertThat(arrivals.nextIntendedNanos()).isEqualTo(ArrivalProcess.END);
    assertThat(arrivals.nextIntendedNanos()).isEqualTo(ArrivalProcess.END);
  }

  static int[] countsPerStep(Schedule schedule) {
    int[] counts = new int[schedule.steps().size()];
    for (long t : collect(schedule.arrivals())) {
      counts[schedule.stepIndexAt(t)]++;
    }
    return counts;
  }

  static long[] offsetsInStep(Schedule schedule, int step, long origin) {
    return Arrays.stream(collect(schedule.arrivals()))
        .filter(t -> schedule.stepIndexAt(t) == step)
        .map(t -> t - origin)
        .toArray();
  }
}
