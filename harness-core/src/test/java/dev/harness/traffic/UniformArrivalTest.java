package dev.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UniformArrivalTest extends ArrivalContractTest {

  @Override
  Arrival arrival() {
    return Arrival.uniform();
  }

  @Override
  double countTolerance(double expected) {
    return 1;
  }

  @Override
  boolean isRandom() {
    return false;
  }

  @Test
  void sendsFallAtTheMiddleOfEachUnitOfLoad() {
    long start = Duration.ofSeconds(3).toNanos();
    Schedule schedule =
        Schedule.of(
            List.of(
                new ConstantPhase("idle", 1, Duration.ofSeconds(3), arrival()),
                new ConstantPhase("four", 4, Duration.ofSeconds(10), arrival())),
            SEED);

    long[] four = offsetsInStep(schedule, 1, start);

    assertThat(four).hasSize(40);
    for (int i = 0; i < four.length; i++) {
      assertThat(four[i]).as("send %d", i).isEqualTo(Math.round((i + 0.5) / 4 * 1e9));
    }
  }

  @Test
  void aPhaseSendsTheRoundedNumberOfRequestsItOffers() {
    Schedule schedule =
        Schedule.of(List.of(new ConstantPhase("s", 7.3, Duration.ofSeconds(10), arrival())), SEED);

    assertThat(collect(schedule.arrivals())).hasSize((int) Math.round(73.0));
  }

  @Test
  void theSeedDoesNotMoveEvenlySpacedSends() {
    assertThat(collect(Schedule.of(mixedPhases(1), 1).arrivals()))
        .isEqualTo(collect(Schedule.of(mixedPhases(1), 2).arrivals()));
  }

  @Test
  void gammaWithZeroCvIsUniform() {
    List<Phase> gamma =
        List.of(new ConstantPhase("s", 25, Duration.ofSeconds(4), Arrival.gamma(0)));
    List<Phase> uniform = List.of(new ConstantPhase("s", 25, Duration.ofSeconds(4), arrival()));

    assertThat(collect(Schedule.of(gamma, SEED).arrivals()))
        .isEqualTo(collect(Schedule.of(uniform, SEED).arrivals()));
  }
}
