package dev.harness.config;

import static dev.harness.config.TestPlans.PAYLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harness.traffic.Arrival;
import dev.harness.traffic.ConstantPhase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanOverridesTest {
  /** Peak 8 req/s, 30 s + 2 m of phases, first phase gamma-distributed. */
  private static final String PLAN =
      TestPlans.TARGET
          + PAYLOADS
          + "phases:\n"
          + "  - {type: constant, rate: 2, duration: 30s, arrival: gamma, cv: 2}\n"
          + "  - {type: ramp, from: 1, to: 8, duration: 2m}\n"
          + "limits: {request-timeout: 10s}\n"
          + "seed: 5\n";

  @TempDir Path dir;

  @Test
  void noOverridesLeaveThePlanAsWritten() throws PlanException {
    Plan plan = TestPlans.parse(dir, PLAN, PlanOverrides.none()).plan();

    assertThat(plan.phases()).hasSize(2);
    assertThat(plan.seed()).isEqualTo(5);
  }

  @Test
  void rateReplacesAllPhasesWithOneConstantPhaseOverThePlansTotalDuration()
      throws PlanException {
    Plan plan = TestPlans.parse(dir, PLAN, new PlanOverrides(null, 50.0, null, null, null)).plan();

    assertThat(plan.phases())
        .containsExactly(
            new ConstantPhase("cli", 50, Duration.ofSeconds(150), Arrival.gamma(2)));
  }

  @Test
  void durationReplacesAllPhasesWithOneConstantPhaseAtThePlansPeakRate() throws PlanException {
    Plan plan =
        TestPlans.parse(dir, PLAN, new PlanOverrides(null, null, Duration.ofMinutes(5), null, null))
            .plan();

    assertThat(plan.phases())
        .containsExactly(new ConstantPhase("cli", 8, Duration.ofMinutes(5), Arrival.gamma(2)));
  }

  @Test
  void rateAndDurationTogetherGiveExactlyThatPhase() throws PlanException {
    Plan plan =
        TestPlans.parse(dir, PLAN, new PlanOverrides(null, 3.0, Duration.ofSeconds(20), null, null))
            .plan();

    assertThat(plan.phases())
        .containsExactly(new ConstantPhase("cli", 3, Duration.ofSeconds(20), Arrival.gamma(2)));
  }

  @Test
  void overridesApplyBeforeComputedDefaults() throws PlanException {
    Plan plan =
        TestPlans.parse(dir, PLAN, new PlanOverrides(null, 50.0, Duration.ofMinutes(1), null, null))
            .plan();

    // 1.2 x 50 req/s x 10 s; 1 m of phases + 10 s timeout + 30 s
    assertThat(plan.limits().maxInFlight()).isEqualTo(600);
    assertThat(plan.limits().connections()).isEqualTo(600);
    assertThat(plan.limits().maxDuration()).isEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void urlOverrideReplacesTheTargetUrlAndGetsTheDefaultPath() throws PlanException {
    PlanOverrides o =
        new PlanOverrides(URI.create("https://gpu-7:9000/v1"), null, null, null, null);

    Plan plan = TestPlans.parse(dir, PLAN, o).plan();

    assertThat(plan.target().url()).isEqualTo(URI.create("https://gpu-7:9000/v1/chat/completions"));
  }

  @Test
  void urlOverrideMakesThePlansUrlOptional() throws PlanException {
    String noUrl = PLAN.replace("  url: http://127.0.0.1:8000\n", "");
    PlanOverrides o = new PlanOverrides(URI.create("http://10.0.0.1"), null, null, null, null);

    Plan plan = TestPlans.parse(dir, noUrl, o).plan();

    assertThat(plan.target().url()).isEqualTo(URI.create("http://10.0.0.1/v1/chat/completions"));
  }

  @Test
  void badUrlOverrideNamesTheFlag() {
    PlanOverrides o = new PlanOverrides(URI.create("file:///tmp/x"), null, null, null, null);

    PlanException e =
        catchThrowableOfType(() -> TestPlans.parse(dir, PLAN, o), PlanException.class);

    assertThat(e.getMessage()).startsWith("--url: must be an http:// or https:// URL");
    assertThat(e.file()).isNull();
    assertThat(e.line()).isZero();
  }

  @Test
  void seedAndOutputOverridesReplaceThePlans() throws PlanException {
    PlanOverrides o = new PlanOverrides(null, null, null, 99L, Path.of("/tmp/runs"));

    Plan plan = TestPlans.parse(dir, PLAN + "output: mine\n", o).plan();

    assertThat(plan.seed()).isEqualTo(99);
    assertThat(plan.outputDir()).isEqualTo(Path.of("/tmp/runs"));
  }

  @Test
  void overridesRejectNonPositiveRateAndDuration() {
    assertThatThrownBy(() -> new PlanOverrides(null, 0.0, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rate")
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> new PlanOverrides(null, null, Duration.ZERO, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--duration");
  }
}
