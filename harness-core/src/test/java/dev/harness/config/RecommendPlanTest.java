package dev.harness.config;

import static dev.harness.config.TestPlans.PAYLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recommend plans: what a valid one reads as, and malformed ones, each with the line and column
 * counted by hand in the snippet (PAYLOADS is lines 1-2, TRAFFIC line 3 when they start it).
 */
class RecommendPlanTest {
  private static final String TRAFFIC = "traffic: {steady: 80/min, peak: 250/min}\n";

  @TempDir Path dir;

  private LoadedRecommendPlan parse(String yaml) throws PlanException {
    return new PlanLoader(Map.of()).parseRecommend(yaml, TestPlans.planIn(dir),
        PlanOverrides.none());
  }

  @Test
  void aFullPlanReadsIntoSharedSettingsTrafficAndCandidatesInOrder() throws Exception {
    Files.writeString(dir.resolve("prices.yaml"), "types: {}\n");
    RecommendPlan p = parse(PAYLOADS + """
        name: sizing
        traffic: {steady: 80/min, peak: 250/min, peak-hours-per-day: 10, growth: 0.3,
                  min-instances: 2, redundancy: 0}
        platform: ec2
        catalog: [prices.yaml]
        slo:
          objectives: [{metric: ttft, percentile: p99, threshold: 2s}]
        capacity: {precision: 0.2, trial-duration: 5s}
        candidates:
          - name: g5.2xlarge-vllm
            instance-type: g5.2xlarge
            copies: 1
            gpus-per-copy: 1
            target: {protocol: openai-chat, url: 'http://10.0.0.5:8000', model: support-7b}
            metrics: {prometheus: auto}
            notes: vLLM 0.6
          - name: inf2
            instance-type: inf2.xlarge
            incompatible: needs a Neuron-compiled model
          - sim: sim-g5.4xlarge
            sim-speedup: 4
        """).plan();

    assertThat(p.base().name()).isEqualTo("sizing");
    assertThat(p.base().capacity().precision()).isEqualTo(0.2);
    assertThat(p.base().slo().objectives()).hasSize(1);
    assertThat(p.traffic().steadyRps()).isCloseTo(80 / 60.0, within());
    assertThat(p.traffic().peakRps()).isCloseTo(250 / 60.0, within());
    assertThat(p.traffic().peakHoursPerDay()).isEqualTo(10);
    assertThat(p.traffic().growthFraction()).isCloseTo(0.3, within());
    assertThat(p.traffic().minInstances()).isEqualTo(2);
    assertThat(p.traffic().redundancy()).isZero();
    assertThat(p.platform()).isEqualTo(PlatformKind.EC2);
    assertThat(p.catalogFiles()).containsExactly(dir.resolve("prices.yaml"));
    assertThat(p.parallel()).isFalse();
    assertThat(p.candidates()).extracting(CandidateSpec::name)
        .containsExactly("g5.2xlarge-vllm", "inf2", "sim-g5.4xlarge");

    CandidateSpec real = p.candidates().get(0);
    assertThat(real.target().url().toString())
        .isEqualTo("http://10.0.0.5:8000/v1/chat/completions");
    assertThat(real.metrics().prometheus().url().toString())
        .isEqualTo("http://10.0.0.5:8000/metrics");
    assertThat(real.notes()).isEqualTo("vLLM 0.6");
    assertThat(p.planFor(real).target()).isEqualTo(real.target());
    assertThat(p.planFor(real).name()).isEqualTo("g5.2xlarge-vllm");

    CandidateSpec inf2 = p.candidates().get(1);
    assertThat(inf2.declaredIncompatible()).isTrue();
    assertThat(inf2.target()).isNull();

    CandidateSpec sim = p.candidates().get(2);
    assertThat(sim.simulated()).isTrue();
    assertThat(sim.instanceType()).isEqualTo("sim-g5.4xlarge");
    assertThat(sim.simSpeedup()).isEqualTo(4);
    assertThat(sim.target().protocol()).isEqualTo(ProtocolKind.OPENAI_CHAT);
    assertThat(sim.target().stream()).isTrue();
  }

  @Test
  void trafficTakesPerSecondPerMinutePerHourAndBareNumbersAsPerSecond() throws Exception {
    RecommendPlan p = parse(PAYLOADS + """
        traffic: {steady: 0.5/s, peak: 7200/h}
        candidates: [{sim: sim-g5.2xlarge}]
        """).plan();
    assertThat(p.traffic().steadyRps()).isEqualTo(0.5);
    assertThat(p.traffic().peakRps()).isCloseTo(2.0, within());

    RecommendPlan bare = parse(PAYLOADS + """
        traffic: {steady: 2}
        candidates: [{sim: sim-g5.2xlarge}]
        """).plan();
    assertThat(bare.traffic().steadyRps()).isEqualTo(2);
    assertThat(bare.traffic().peakRps()).as("peak defaults to steady").isEqualTo(2);
    assertThat(bare.traffic().redundancy()).isEqualTo(1);
    assertThat(bare.traffic().growthFraction()).isZero();
    assertThat(bare.platform()).isEqualTo(PlatformKind.SAGEMAKER);
  }

  @Test
  void aSimCandidateKeepsOnlyTheProtocolAndPathOfItsTarget() throws Exception {
    RecommendPlan p = parse(PAYLOADS + TRAFFIC + """
        candidates:
          - sim: profiles/sim/my-scorer.yaml
            target: {protocol: http, url: 'http://sim/v1/score'}
            metrics: {prometheus: auto}
        """).plan();
    CandidateSpec c = p.candidates().get(0);
    assertThat(c.name()).isEqualTo("my-scorer");
    assertThat(c.instanceType()).isEqualTo("my-scorer");
    assertThat(CandidateSpec.simUrl(c.target().url(), "http://127.0.0.1:4567").toString())
        .isEqualTo("http://127.0.0.1:4567/v1/score");
  }

  static Stream<Arguments> malformedPlans() {
    return Stream.of(
        bad("a plain plan given to recommend", """
            target: {protocol: http, url: 'http://127.0.0.1:8000'}
            """ + PAYLOADS, 1, 1, "target",
            "this is a plan for harness run or harness capacity"),
        bad("unknown top-level key with suggestion", PAYLOADS + TRAFFIC + """
            candidate: []
            """, 4, 1, "candidate", "did you mean 'candidates'?"),
        bad("unknown candidate key with suggestion", PAYLOADS + TRAFFIC + """
            candidates:
              - name: a
                instance-typ: g5.2xlarge
            """, 6, 5, "candidates[0].instance-typ", "did you mean 'instance-type'?"),
        bad("a rate without a unit it knows", PAYLOADS + """
            traffic: {steady: 80/day}
            candidates: [{sim: sim-g5.2xlarge}]
            """, 3, 19, "traffic.steady", "expected a rate such as 80/min"),
        bad("peak below steady", PAYLOADS + """
            traffic: {steady: 80/min, peak: 1/min}
            candidates: [{sim: sim-g5.2xlarge}]
            """, 3, 33, "traffic.peak", "must be at least the steady rate"),
        bad("traffic missing", PAYLOADS + """
            candidates: [{sim: sim-g5.2xlarge}]
            """, 1, 1, "traffic", "is required but missing"),
        bad("unknown platform", PAYLOADS + TRAFFIC + """
            platform: gcp
            candidates: [{sim: sim-g5.2xlarge}]
            """, 4, 11, "platform", "use one of: ec2, sagemaker"),
        bad("a candidate with nothing to run", PAYLOADS + TRAFFIC + """
            candidates:
              - {name: a, instance-type: g5.2xlarge}
            """, 5, 5, "candidates[0]", "needs target: (an endpoint), sim:"),
        bad("an endpoint candidate without its type", PAYLOADS + TRAFFIC + """
            candidates:
              - target: {protocol: http, url: 'http://127.0.0.1:8000'}
            """, 5, 5, "candidates[0].instance-type", "is required"),
        bad("two candidates of one name", PAYLOADS + TRAFFIC + """
            candidates:
              - {sim: sim-g5.2xlarge}
              - {sim: sim-g5.2xlarge}
            """, 6, 11, "candidates[1].sim", "already used by candidates[0]"),
        bad("a bad target inside a candidate", PAYLOADS + TRAFFIC + """
            candidates:
              - name: a
                instance-type: g5.2xlarge
                target: {protocol: grpc, url: 'http://127.0.0.1:8000'}
            """, 7, 24, "candidates[0].target.protocol", "'grpc' is not allowed"),
        bad("zero copies", PAYLOADS + TRAFFIC + """
            candidates:
              - {sim: sim-g5.2xlarge, copies: 0}
            """, 5, 35, "candidates[0].copies", "must be a whole number from 1"),
        bad("sim-speedup without sim", PAYLOADS + TRAFFIC + """
            candidates:
              - {instance-type: g5.2xlarge, incompatible: no, sim-speedup: 4}
            """, 5, 51, "candidates[0].sim-speedup", "applies only to a candidate with sim:"),
        bad("parallel with simulated candidates", PAYLOADS + TRAFFIC + """
            parallel: true
            candidates: [{sim: sim-g5.2xlarge}]
            """, 4, 11, "parallel", "true needs distinct endpoints"),
        bad("LLM and non-LLM candidates mixed", PAYLOADS + TRAFFIC + """
            candidates:
              - {sim: sim-g5.2xlarge}
              - {sim: sim-fraud-cpu, target: {protocol: http, url: 'http://s/v1/score'}}
            """, 5, 3, "candidates", "mix LLM and non-LLM protocols"),
        bad("empty candidate list", PAYLOADS + TRAFFIC + """
            candidates: []
            """, 4, 13, "candidates", "lists no candidate"),
        bad("missing catalog file", PAYLOADS + TRAFFIC + """
            catalog: nowhere.yaml
            candidates: [{sim: sim-g5.2xlarge}]
            """, 4, 10, "catalog", "does not exist"));
  }

  private static Arguments bad(String name, String yaml, int line, int column, String field,
      String problem) {
    return Arguments.of(name, yaml, line, column, field, problem);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedPlans")
  void aMalformedRecommendPlanFailsAtItsFileLineAndColumn(String name, String yaml, int line,
      int column, String field, String problem) {
    PlanException e = catchThrowableOfType(PlanException.class, () -> parse(yaml));

    assertThat(e).as(name).isNotNull();
    assertThat(e.file()).isEqualTo(dir.resolve("plan.yaml"));
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.problem()).contains(problem);
    assertThat(e.line() + ":" + e.column()).as(e.getMessage()).isEqualTo(line + ":" + column);
    assertThat(e.getMessage()).startsWith(dir.resolve("plan.yaml") + ":" + line + ":" + column
        + ": " + field + ": ");
  }

  @Test
  void harnessCapacityOnARecommendPlanSaysWhichCommandFits() {
    PlanException e = catchThrowableOfType(PlanException.class, () -> TestPlans.parse(dir,
        PAYLOADS + TRAFFIC + "candidates: [{sim: sim-g5.2xlarge}]\n"));

    assertThat(e.field()).isEqualTo("candidates");
    assertThat(e.problem()).contains("this is a recommend plan", "harness recommend");
    assertThat(e.line()).isEqualTo(4);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
