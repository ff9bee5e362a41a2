package dev.harness.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.harness.result.CapacityResult.Sustainable;
import org.junit.jupiter.api.Test;

class CapacityBracketTest {
  private static Sustainable sustainable(Double pass, Double fail, Double point) {
    return new Sustainable(pass, pass, true, fail, fail != null, point, point, 0.1, null, false);
  }

  @Test
  void theSearchBracketIsSharedOutOverTheInstancesMeasured() {
    // [4, 5] rps with a point at 4.4 on an endpoint of 2 instances: [2, 2.2, 2.5] per instance
    CapacityBracket b = CapacityBracket.from(sustainable(4.0, 5.0, 4.4), 2).orElseThrow();
    assertThat(b.lowRps()).isEqualTo(2.0);
    assertThat(b.pointRps()).isCloseTo(2.2, within(1e-12));
    assertThat(b.highRps()).isEqualTo(2.5);
    assertThat(b.relativeWidth()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void withoutAFailingRateTheBracketIsTheHighestPass() {
    CapacityBracket b = CapacityBracket.from(sustainable(4.0, null, null), 1).orElseThrow();
    assertThat(b).isEqualTo(CapacityBracket.exactly(4.0));
  }

  @Test
  void aPointOutsideTheBracketIsClampedIntoIt() {
    assertThat(CapacityBracket.from(sustainable(4.0, 5.0, 6.0), 1).orElseThrow().pointRps())
        .isEqualTo(5.0);
  }

  @Test
  void nothingPassedGivesNoBracket() {
    assertThat(CapacityBracket.from(sustainable(null, 0.5, null), 1)).isEmpty();
    assertThat(CapacityBracket.from(null, 1)).isEmpty();
  }
}
