package dev.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.protocol.EndpointNotReadyException;
import dev.harness.protocol.Protocols;
import dev.harness.protocol.ReadinessCheck;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import dev.harness.sim.RequestTruth;
import dev.harness.sim.SimProfile;
import dev.harness.sim.SimProfiles;
import dev.harness.sim.SimServer;
import dev.harness.time.NanoClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short runs of the Triton protocols against the simulator, readiness check included. */
class TritonPhaseRunTest {
  @TempDir Path dir;

  private static final SimProfile.Instance GPU =
      new SimProfile.Instance("g5.2xlarge", "NVIDIA A10G", 1, 24, 8, 32);

  /** An LLM: decode 2 ms + 0.1 ms per sequence, prefill 10 µs per token. */
  private static SimProfile llm(double weightsGiB) {
    return new SimProfile("triton-llm", "test", GPU, 1.0, 1, null,
        new SimProfile.Llm("llama-3b", weightsGiB, 0.9, 524_288, 4, Duration.ofMillis(2),
            Duration.ofNanos(100_000), Duration.ofNanos(10_000), 256, 16, 0),
        null);
  }

  private static SimProfile classic() {
    return new SimProfile("triton-classic", "test",
        new SimProfile.Instance("c6i.xlarge", "none", 0, 0, 4, 8), 0.2, 1, null, null,
        new SimProfile.Classic("fraud-gbt", 2, "deterministic", Duration.ofMillis(2), 0.5));
  }

  private LoadedPlan plan(String target, String payloadLines) throws Exception {
    Files.writeString(dir.resolve("payloads.jsonl"), payloadLines);
    String yaml =
        "name: triton-test\n"
            + "target:\n" + target
            + "payloads: {file: payloads.jsonl, sampling: sequential}\n"
            + "phases:\n  - {type: constant, rate: 20, duration: 1s, arrival: uniform}\n"
            + "limits: {request-timeout: 3s, drain-timeout: 2s}\n";
    return new PlanLoader(Map.of())
        .parse(yaml, dir.resolve("plan.yaml"),
            new PlanOverrides(null, null, null, null, dir.resolve("out")));
  }

  private static RunResult run(LoadedPlan plan) throws Exception {
    PhaseRun run =
        PhaseRun.prepare(plan.plan(), plan.warnings(), Map.of(), NanoClock.system(), "test", 1);
    return run.execute(p -> {});
  }

  private static String tensorLines(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("{\"id\":\"t").append(i).append("\",\"tensors\":{\"INPUT0\":{\"shape\":[1,4],")
          .append("\"datatype\":\"FP32\",\"data\":[").append(i).append(",0.5,1,2]}},")
          .append("\"outputs\":[\"OUTPUT0\"]}\n");
    }
    return sb.toString();
  }

  private static final String CHAT_LINES =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Where is my parcel?\"}],\"max_tokens\":4}\n"
          + "{\"prompt\":\"Summarise the refund policy\",\"max_tokens\":6}\n";

  @Test
  void tritonInferAgainstAClassicProfileSucceedsForEveryRequest() throws Exception {
    try (SimServer sim = SimServer.start(classic(), SimServer.Options.loopback())) {
      LoadedPlan plan =
          plan("  protocol: triton-infer\n  url: " + sim.url() + "\n  model: fraud-gbt\n"
              + "  model-version: 1\n", tensorLines(5));

      RunResult result = run(plan);

      assertThat(result.totals().scheduled()).isEqualTo(20);
      assertThat(result.totals().succeeded()).isEqualTo(20);
      assertThat(sim.truths()).hasSize(20).allMatch(t -> t.status() == 200);
      StepResult step = result.steps().get(0);
      assertThat(step.latencies().get("e2e").n()).isEqualTo(20);
    }
  }

  @Test
  void tritonGenerateStreamedHasTtftAndTheSimulatorsTokenCounts() throws Exception {
    try (SimServer sim = SimServer.start(llm(6), SimServer.Options.loopback())) {
      LoadedPlan plan =
          plan("  protocol: triton-generate\n  url: " + sim.url() + "\n  model: llama-3b\n",
              CHAT_LINES);

      RunResult result = run(plan);

      assertThat(result.totals().succeeded()).isEqualTo(20);
      StepResult step = result.steps().get(0);
      assertThat(step.latencies().get("ttft").n()).isEqualTo(20);
      long simTokens = sim.truths().stream().mapToLong(RequestTruth::outputTokens).sum();
      assertThat(simTokens).isEqualTo(10 * 4 + 10 * 6);
      assertThat(result.totals().outputTokens()).isPositive();
    }
  }

  @Test
  void tritonGenerateWholeSucceedsWithoutTtft() throws Exception {
    try (SimServer sim = SimServer.start(llm(6), SimServer.Options.loopback())) {
      LoadedPlan plan =
          plan("  protocol: triton-generate\n  url: " + sim.url() + "\n  model: llama-3b\n"
              + "  stream: false\n", CHAT_LINES);

      RunResult result = run(plan);

      assertThat(result.totals().succeeded()).isEqualTo(20);
      StepResult step = result.steps().get(0);
      assertThat(step.latencies().get("e2e").n()).isEqualTo(20);
      assertThat(step.latencies().containsKey("ttft")
              ? step.latencies().get("ttft").n() : 0L)
          .isZero();
    }
  }

  private static Path shipped(String first, String... more) {
    return Path.of(System.getProperty("basedir", "."), "..").resolve(Path.of(first, more));
  }

  @Test
  void theShippedTritonExamplesMatchTheirSimulatorProfiles() throws Exception {
    SimProfile fraud = SimProfiles.load(shipped("profiles", "sim", "sim-fraud-cpu.yaml"));
    SimProfile gpu = SimProfiles.load(shipped("profiles", "sim", "sim-g5.2xlarge.yaml"));
    try (SimServer classicSim = SimServer.start(fraud, SimServer.Options.loopback());
        SimServer llmSim = SimServer.start(gpu, SimServer.Options.loopback())) {
      LoadedPlan infer =
          new PlanLoader(Map.of())
              .load(shipped("profiles", "examples", "triton-infer.yaml"),
                  new PlanOverrides(URI.create(classicSim.url()), 20.0, Duration.ofSeconds(1),
                      null, dir.resolve("out")));
      LoadedPlan generate =
          new PlanLoader(Map.of())
              .load(shipped("profiles", "examples", "triton-generate.yaml"),
                  new PlanOverrides(URI.create(llmSim.url()), null, null, null, null));

      RunResult result = run(infer);
      ReadinessCheck.check(generate.plan().target(), Protocols.create(generate.plan().target()),
          Map.of(), Duration.ofSeconds(5));

      assertThat(result.totals().scheduled()).isPositive(); // Poisson arrivals: about 20
      assertThat(result.totals().succeeded()).isEqualTo(result.totals().scheduled());
      assertThat(generate.plan().target().url().getPath())
          .isEqualTo("/v2/models/support-7b/generate_stream");
    }
  }

  @Test
  void aWrongModelNameStopsTheRunBeforeItStartsWithoutARunDirectory() throws Exception {
    try (SimServer sim = SimServer.start(classic(), SimServer.Options.loopback())) {
      LoadedPlan plan =
          plan("  protocol: triton-infer\n  url: " + sim.url() + "\n  model: resnet\n",
              tensorLines(1));

      assertThatThrownBy(() -> run(plan))
          .isInstanceOf(EndpointNotReadyException.class)
          .hasMessageContaining("model 'resnet' is not ready: GET " + sim.url()
              + "/v2/models/resnet/ready answered 400");
      assertThat(dir.resolve("out")).doesNotExist();
      assertThat(sim.truths()).isEmpty();
    }
  }

  @Test
  void aModelThatDidNotLoadStopsTheRunWithItsLoadError() throws Exception {
    try (SimServer sim = SimServer.start(llm(30), SimServer.Options.loopback())) {
      LoadedPlan plan =
          plan("  protocol: triton-generate\n  url: " + sim.url() + "\n  model: llama-3b\n",
              CHAT_LINES);

      assertThatThrownBy(() -> run(plan))
          .isInstanceOf(EndpointNotReadyException.class)
          .hasMessageContaining("/v2/health/ready answered 400: out of memory while loading");
    }
  }
}
