package dev.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static final long SECOND = 1_000_000_000L;

  private final List<Phase> phases =
      List.of(
          new RampPhase("warmup", 0, 10, Duration.ofSeconds(20), Arrival.poisson()),
          new StairsPhase("climb", 10, 40, 4, Duration.ofSeconds(30), Arrival.uniform()),
          new ConstantPhase("soak", 25, Duration.ofMinutes(2), Arrival.gamma(0.7)));

  @Test
  void stairsBecomeOneNumberedStepPerStair() {
    List<Step> steps = Schedule.of(phases, 1).steps();

    assertThat(steps)
        .extracting(Step::name)
        .containsExactly("warmup", "climb#1", "climb#2", "climb#3", "climb#4", "soak");
    assertThat(steps.subList(1, 5)).allSatisfy(s -> assertThat(s.phaseName()).isEqualTo("climb"));
    assertThat(steps.subList(1, 5))
        .extracting(Step::startRatePerSec)
        .containsExactly(10.0, 20.0, 30.0, 40.0);
    assertThat(steps.subList(1, 5)).noneMatch(Step::isRamp);
    assertThat(steps.get(0).isRamp()).isTrue();
  }

  @Test
  void stepWindowsAreContiguousFromZero() {
    List<Step> steps = Schedule.of(phases, 1).steps();

    assertThat(steps.get(0).startOffsetNanos()).isZero();
    for (int i = 0; i < steps.size(); i++) {
      assertThat(steps.get(i).index()).isEqualTo(i);
      if (i > 0) {
        assertThat(steps.get(i).startOffsetNanos()).isEqualTo(steps.get(i - 1).endOffsetNanos());
      }
    }
    assertThat(steps.get(1).startOffsetNanos()).isEqualTo(20 * SECOND);
    assertThat(steps.get(2).startOffsetNanos()).isEqualTo(50 * SECOND);
    assertThat(steps.get(5).endOffsetNanos()).isEqualTo(260 * SECOND);
  }

  @Test
  void durationIsTheEndOfTheLastStep() {
    assertThat(Schedule.of(phases, 1).durationNanos()).isEqualTo((20 + 120 + 120) * SECOND);
  }

  @Test
  void expectedRequestsIsTheIntegralOfTheRate() {
    double ramp = 10 / 2.0 * 20;
    double stairs = (10 + 20 + 30 + 40) * 30;
    double soak = 25 * 120;

    assertThat(Schedule.of(phases, 1).expectedRequests())
        .isCloseTo(ramp + stairs + soak, within(1e-6));
  }

  @Test
  void stepIndexAtFindsTheWindowHoldingAnOffset() {
    Schedule schedule = Schedule.of(phases, 1);

    assertThat(schedule.stepIndexAt(0)).isZero();
    assertThat(schedule.stepIndexAt(20 * SECOND - 1)).isZero();
    assertThat(schedule.stepIndexAt(20 * SECOND)).isEqualTo(1);
    assertThat(schedule.stepIndexAt(140 * SECOND)).isEqualTo(5);
    assertThat(schedule.stepIndexAt(260 * SECOND - 1)).isEqualTo(5);
    assertThat(schedule.stepIndexAt(260 * SECOND)).isEqualTo(-1);
    assertThat(schedule.stepIndexAt(-1)).isEqualTo(-1);
  }

  @Test
  void everySendBelongsToAStep() {
    Schedule schedule = Schedule.of(phases, 7);

    assertThat(Arrays.stream(ArrivalContractTest.collect(schedule.arrivals())))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(schedule.stepIndexAt(t)).isNotNegative());
  }

  @Test
  void aScheduleNeedsPhases() {
    assertThatThrownBy(() -> Schedule.of(List.of(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one phase");
  }

  @Test
  void stepNamesMustBeUnique() {
    List<Phase> twice =
        List.of(
            new ConstantPhase("steady", 5, Duration.ofSeconds(1), Arrival.uniform()),
            new ConstantPhase("steady", 6, Duration.ofSeconds(1), Arrival.uniform()));

    assertThatThrownBy(() -> Schedule.of(twice, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'steady'");
  }

  @Test
  void aVeryHighRateStillGivesStrictlyIncreasingTimesInsideTheSchedule() {
    Schedule schedule =
        Schedule.of(
            List.of(new ConstantPhase("flood", 2e9, Duration.ofNanos(1000), Arrival.poisson())),
            3);
    long[] times = ArrivalContractTest.collect(schedule.arrivals());

    assertThat(times).isNotEmpty();
    for (int i = 1; i < times.length; i++) {
      assertThat(times[i]).isGreaterThan(times[i - 1]);
    }
    assertThat(times[times.length - 1]).isLessThan(schedule.durationNanos());
  }
}
