package dev.harness.config;

import static dev.harness.config.TestPlans.ONE_PHASE;
import static dev.harness.config.TestPlans.PAYLOADS;
import static dev.harness.config.TestPlans.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanWarningsTest {
  /** 10 req/s with a 30 s timeout: 1.2 x 10 x 30 = 360 recommended in flight. */
  private static final String BASE = TARGET + PAYLOADS + ONE_PHASE;

  @TempDir Path dir;

  private List<String> warnings(String limits) throws PlanException {
    return TestPlans.parse(dir, BASE + "limits:\n  request-timeout: 30s\n" + limits).warnings();
  }

  @Test
  void inFlightCapBelowTheRecommendationWarnsThatRequestsAreDropped() throws PlanException {
    List<String> w = warnings("  max-in-flight: 100\n  connections: 400\n");

    assertThat(w).hasSize(1);
    assertThat(w.get(0))
        .startsWith("limits.max-in-flight: 100 is below the recommended 360")
        .contains("dropped, not queued")
        .doesNotContain("\n");
  }

  @Test
  void poolBelowTheRecommendationWarnsWithTheRecommendedValue() throws PlanException {
    List<String> w = warnings("  connections: 50\n");

    assertThat(w).singleElement().asString().startsWith(
        "limits.connections: 50 is below the recommended 360");
  }

  @Test
  void morePoolConnectionsThanInFlightIsFine() throws PlanException {
    assertThat(warnings("  max-in-flight: 360\n  connections: 1000\n")).isEmpty();
  }

  @Test
  void maxDurationShorterThanThePhasesWarnsThatTheScheduleIsCut() throws PlanException {
    List<String> w = warnings("  max-duration: 45s\n");

    assertThat(w).singleElement().asString()
        .startsWith("limits.max-duration: 45s is shorter than the phases (1m)")
        .contains("cut");
  }

  @Test
  void defaultsNeverWarn() throws PlanException {
    assertThat(TestPlans.parse(dir, BASE).warnings()).isEmpty();
  }

  @Test
  void secretVariablesNotSetNowAreWarnedAboutByName() throws PlanException {
    String yaml = TARGET + "  auth: {bearer-token-env: TOKEN}\n"
        + "  headers-from-env: {X-Key: KEY}\n" + PAYLOADS + ONE_PHASE;
    Path file = TestPlans.planIn(dir);

    List<String> unset = new PlanLoader(Map.of()).parse(yaml, file, PlanOverrides.none())
        .warnings();
    List<String> set = new PlanLoader(Map.of("TOKEN", "t", "KEY", "k"))
        .parse(yaml, file, PlanOverrides.none()).warnings();

    assertThat(unset).containsExactlyInAnyOrder(
        "target.headers-from-env.X-Key: environment variable KEY is not set here; the run will "
            + "fail at start unless it is set there",
        "target.auth.bearer-token-env: environment variable TOKEN is not set here; the run will "
            + "fail at start unless it is set there");
    assertThat(set).isEmpty();
  }

  @Test
  void authorizationWrittenInThePlanIsWarnedAbout() throws PlanException {
    String yaml = TARGET + "  headers: {Authorization: Bearer abc}\n" + PAYLOADS + ONE_PHASE;

    List<String> w = TestPlans.parse(dir, yaml).warnings();

    assertThat(w).singleElement().asString()
        .startsWith("target.headers.Authorization: a secret written in the plan file");
  }
}
