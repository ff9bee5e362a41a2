package dev.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harness.payload.Sampling;
import dev.harness.record.Metric;
import dev.harness.traffic.Arrival;
import dev.harness.traffic.ConstantPhase;
import dev.harness.traffic.RampPhase;
import dev.harness.traffic.StairsPhase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLoaderTest {
  private static final Map<String, String> ENV =
      Map.of("MY_KEY", "k-123", "OPENAI_API_KEY", "sk-abc");

  @TempDir Path dir;

  @Test
  void fullPlanParsesIntoTheExpectedRecords() throws PlanException {
    Path file = TestPlans.resource("full.yaml");

    LoadedPlan loaded = new PlanLoader(ENV).load(file, PlanOverrides.none());
    Plan plan = loaded.plan();

    assertThat(loaded.warnings()).isEmpty();
    assertThat(plan.source()).isEqualTo(file);
    assertThat(plan.name()).isEqualTo("chat-support-smoke");
    assertThat(plan.target())
        .isEqualTo(
            new Target(
                ProtocolKind.OPENAI_CHAT,
                URI.create("http://127.0.0.1:8000/v1/chat/completions"),
                "my-7b",
                false,
                "POST",
                "application/json; charset=utf-8",
                Map.of("X-Team", "search"),
                Map.of("X-Api-Key", "MY_KEY"),
                "OPENAI_API_KEY",
                true,
                null, null));
    assertThat(plan.payloads())
        .isEqualTo(
            new PayloadSpec(file.getParent().resolve("chat.jsonl"), Sampling.WEIGHTED, true, true));
    assertThat(plan.phases())
        .containsExactly(
            new ConstantPhase("warmup", 2, Duration.ofSeconds(30), Arrival.uniform()),
            new RampPhase("climb", 1, 8, Duration.ofMinutes(2), Arrival.gamma(1.5)),
            new StairsPhase("stairs", 2, 10, 5, Duration.ofSeconds(30), Arrival.poisson()));
    assertThat(plan.slo())
        .isEqualTo(
            new Slo(
                List.of(
                    new Objective(Metric.TTFT, 99, Duration.ofSeconds(2)),
                    new Objective(Metric.E2E, 99.9, Duration.ofSeconds(20)),
                    new Objective(Metric.TPOT, 50, Duration.ofMillis(50))),
                0.05));
    assertThat(plan.limits())
        .isEqualTo(
            new Limits(
                Duration.ofSeconds(30),
                Duration.ofSeconds(2),
                500,
                600,
                Duration.ofMinutes(20),
                Duration.ofSeconds(15)));
    assertThat(plan.seed()).isEqualTo(42);
    assertThat(plan.outputDir()).isEqualTo(Path.of("out/smoke"));
  }

  @Test
  void omittedFieldsTakeTheirDefaults() throws PlanException {
    Path file = TestPlans.resource("minimal.yaml");

    LoadedPlan loaded = new PlanLoader(Map.of()).load(file, PlanOverrides.none());
    Plan plan = loaded.plan();

    assertThat(loaded.warnings()).isEmpty();
    assertThat(plan.name()).isEqualTo("minimal");
    Target t = plan.target();
    assertThat(t.url()).isEqualTo(URI.create("http://127.0.0.1:8000/v1/completions"));
    assertThat(t.model()).isNull();
    assertThat(t.stream()).isTrue();
    assertThat(t.method()).isEqualTo("POST");
    assertThat(t.contentType()).isEqualTo("application/json");
    assertThat(t.headers()).isEmpty();
    assertThat(t.headersFromEnv()).isEmpty();
    assertThat(t.bearerTokenEnv()).isNull();
    assertThat(t.connectionPerRequest()).isFalse();
    assertThat(plan.payloads().sampling()).isEqualTo(Sampling.SHUFFLE);
    assertThat(plan.payloads().saltPrompts()).isFalse();
    assertThat(plan.payloads().skipBadLines()).isFalse();
    assertThat(plan.phases())
        .containsExactly(
            new ConstantPhase("phase-1", 10, Duration.ofMinutes(1), Arrival.poisson()));
    assertThat(plan.slo()).isEqualTo(new Slo(List.of(), 0.01));
    // 10 req/s x 30 s x 1.2 = 360 in flight; the pool matches; 1m of phases + 30s + 30s.
    assertThat(plan.limits())
        .isEqualTo(
            new Limits(
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                360,
                360,
                Duration.ofMinutes(2),
                Duration.ofSeconds(10)));
    assertThat(plan.seed()).isEqualTo(1);
    assertThat(plan.outputDir()).isEqualTo(Path.of("results"));
  }

  @Test
  void inFlightDefaultUsesTheDefaultTimeoutAndNeverGoesBelowSixteen() throws PlanException {
    String busy = TestPlans.TARGET + TestPlans.PAYLOADS + TestPlans.ONE_PHASE;
    String quiet =
        TestPlans.TARGET
            + TestPlans.PAYLOADS
            + "phases:\n  - {type: ramp, from: 0, to: 0.1, duration: 1m}\n";

    Limits busyLimits = TestPlans.parse(dir, busy).plan().limits();
    Limits quietLimits = TestPlans.parse(dir, quiet).plan().limits();

    // 1.2 x 10 req/s x 60 s
    assertThat(busyLimits.maxInFlight()).isEqualTo(720);
    assertThat(busyLimits.connections()).isEqualTo(720);
    // 1.2 x 0.1 req/s x 60 s = 7.2 -> 8, raised to the floor of 16
    assertThat(quietLimits.maxInFlight()).isEqualTo(16);
    assertThat(quietLimits.connections()).isEqualTo(16);
    assertThat(quietLimits.maxDuration()).isEqualTo(Duration.ofMinutes(2).plusSeconds(30));
  }

  @Test
  void connectionsFollowAnExplicitInFlightCap() throws PlanException {
    String yaml =
        TestPlans.TARGET
            + TestPlans.PAYLOADS
            + TestPlans.ONE_PHASE
            + "limits: {max-in-flight: 1000}\n";

    Limits limits = TestPlans.parse(dir, yaml).plan().limits();

    assertThat(limits.maxInFlight()).isEqualTo(1000);
    assertThat(limits.connections()).isEqualTo(1000);
  }

  @Test
  void httpTargetKeepsItsPathAndDoesNotStream() throws PlanException {
    Plan plan =
        new PlanLoader(Map.of())
            .load(TestPlans.resource("http-stairs.yaml"), PlanOverrides.none())
            .plan();

    assertThat(plan.name()).isEqualTo("fraud-scoring-stairs");
    assertThat(plan.target().url()).isEqualTo(URI.create("https://scoring.internal:8443/"));
    assertThat(plan.target().stream()).isFalse();
    assertThat(plan.payloads().sampling()).isEqualTo(Sampling.SEQUENTIAL);
    assertThat(plan.phases().get(0).duration()).isEqualTo(Duration.ofMinutes(4));
    // peak 200 req/s x 60 s x 1.2
    assertThat(plan.limits().maxInFlight()).isEqualTo(14_400);
  }

  @Test
  void openAiUrlPathsAreCompletedOnlyWhenEmptyOrEndingInV1() throws PlanException {
    assertThat(urlOf("openai-chat", "http://h:1")).isEqualTo("http://h:1/v1/chat/completions");
    assertThat(urlOf("openai-chat", "http://h:1/")).isEqualTo("http://h:1/v1/chat/completions");
    assertThat(urlOf("openai-chat", "http://h/proxy/v1/"))
        .isEqualTo("http://h/proxy/v1/chat/completions");
    assertThat(urlOf("openai-completions", "https://h/v1"))
        .isEqualTo("https://h/v1/completions");
    assertThat(urlOf("openai-chat", "http://h/custom/generate?x=1"))
        .isEqualTo("http://h/custom/generate?x=1");
    assertThat(urlOf("http", "http://h/v1")).isEqualTo("http://h/v1");
  }

  private String urlOf(String protocol, String url) throws PlanException {
    String yaml =
        "target: {protocol: " + protocol + ", url: '" + url + "'}\n"
            + TestPlans.PAYLOADS
            + TestPlans.ONE_PHASE;
    return TestPlans.parse(dir, yaml).plan().target().url().toString();
  }

  @Test
  void payloadPathIsRelativeToThePlanButOutputIsNot() throws Exception {
    Path plansDir = Files.createDirectories(dir.resolve("profiles/plans"));
    Path payloads = Files.createDirectories(dir.resolve("payloads"));
    Files.writeString(payloads.resolve("chat.jsonl"), "{}\n");
    String yaml =
        TestPlans.TARGET
            + "payloads: {file: ../../payloads/chat.jsonl}\n"
            + TestPlans.ONE_PHASE
            + "output: runs\n";

    Plan plan =
        new PlanLoader(Map.of())
            .parse(yaml, plansDir.resolve("p.yaml"), PlanOverrides.none())
            .plan();

    assertThat(plan.payloads().file()).isEqualTo(payloads.resolve("chat.jsonl"));
    assertThat(plan.outputDir()).isEqualTo(Path.of("runs"));
  }

  @Test
  void phasesWithoutNamesAreNumberedFromOne() throws PlanException {
    String yaml =
        TestPlans.TARGET
            + TestPlans.PAYLOADS
            + "phases:\n"
            + "  - {type: constant, rate: 1, duration: 1s}\n"
            + "  - {name: main, type: constant, rate: 2, duration: 1s}\n"
            + "  - {type: ramp, from: 2, to: 0, duration: 1s}\n";

    Plan plan = TestPlans.parse(dir, yaml).plan();

    assertThat(plan.phases())
        .extracting(p -> p.name())
        .containsExactly("phase-1", "main", "phase-3");
  }

  @Test
  void yamlOneOneBooleansAndDigitSeparatorsAreAccepted() throws PlanException {
    String yaml =
        TestPlans.TARGET
            + "  stream: no\n"
            + "  connection-per-request: yes\n"
            + TestPlans.PAYLOADS
            + "phases:\n  - {type: constant, rate: 1_000, duration: 1s}\n"
            + "seed: -7\n";

    Plan plan = TestPlans.parse(dir, yaml).plan();

    assertThat(plan.target().stream()).isFalse();
    assertThat(plan.target().connectionPerRequest()).isTrue();
    assertThat(plan.peakRatePerSec()).isEqualTo(1000);
    assertThat(plan.seed()).isEqualTo(-7);
  }

  @Test
  void unreadablePlanFileIsAPlanException() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> new PlanLoader(Map.of()).load(missing, PlanOverrides.none()))
        .isInstanceOf(PlanException.class)
        .hasMessage(missing + ": (document): no such file");
  }
}
