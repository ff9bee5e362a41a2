package dev.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.result.GeneratorSummary;
import dev.harness.result.PayloadSummary;
import dev.harness.result.PlanSummary;
import dev.harness.result.RecommendationResult;
import dev.harness.result.RecommendationResult.Candidate;
import dev.harness.result.RecommendationResult.Range;
import dev.harness.result.RunResult;
import dev.harness.result.Totals;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecommendTableTest {
  private static final double MIN = 1 / 60.0;

  private static Candidate passed(String name, int rank, List<String> tied, double point,
      int steady, int peak, double monthly) {
    return new Candidate(name, name, 1, 1, 1.515, "2026-11-01", null, null, "passed", rank,
        rank, tied, new Range((point - 10) * MIN, point * MIN, (point + 10) * MIN), point * MIN,
        point * MIN, 1340.0, 600.0, 80.0, 300.0, Map.of("cloudwatch.gpu_busy.mean", point / 200),
        0.1804, 0.3607,
        new Range(monthly - 100, monthly, monthly + 100), steady, peak, null, null, null,
        "candidates/" + name, null);
  }

  private static Candidate rejected(String name, String reason, String evidence) {
    return new Candidate(name, name, 1, 1, 1.0, null, null, null, "rejected", null, null,
        List.of(), null, null, null, null, null, null, null, Map.of(), null, null, null, null,
        null, reason, evidence, null, null, null);
  }

  private static RunResult result(RecommendationResult rec) {
    return new RunResult(1, "20260101-000000-rec", "recommend", Instant.EPOCH, Instant.EPOCH,
        false, null, 1, Map.of(), new PlanSummary(null, "rec", "openai-chat", null, null, true,
            List.of(), List.of(), Map.of(), Map.of()),
        new PayloadSummary("p.jsonl", 1, 0, "shuffle", false, "x"),
        new GeneratorSummary("netty", 1, 1, 1, 0, 0, 0, 0, 0, 0), List.of(), List.of(),
        new Totals(0, 0, Map.of(), 0, 0, 0), List.of(), null, rec);
  }

  private static RecommendationResult.TrafficSummary traffic() {
    return new RecommendationResult.TrafficSummary(80 * MIN, 250 * MIN, 10, 1.3, 1, 1);
  }

  @Test
  void theRankedTableTheRejectionsAndTheDecisionReadAsADesignReview() {
    Candidate a = passed("g5.2xlarge", 1, List.of(), 140, 2, 3, 2948);
    Candidate b = passed("g5.4xlarge", 2, List.of("g5.12xlarge"), 220, 2, 3, 3456);
    Candidate c = passed("g5.12xlarge", 2, List.of("g5.4xlarge"), 540, 2, 2, 3500);
    Candidate oom = rejected("g5.xlarge", "does-not-fit",
        "GET /health answered 503: out of memory while loading");
    Candidate notRun = new Candidate("g4dn", "g4dn.2xlarge", 1, 1, 0.94, null, null, null,
        "not-run", null, null, List.of(), null, null, null, null, null, null, null, Map.of(),
        null, null, null, null, null, null, null, "interrupted before it started", null,
        new RecommendationResult.ColdStart(null, Arrays.asList(null, null, null)));
    RecommendationResult rec = new RecommendationResult(traffic(), "sagemaker",
        new RecommendationResult.CatalogSummary(List.of("aws.yaml"), "us-east-1"),
        List.of(oom, a, b, c, notRun), List.of("g5.2xlarge", "g5.4xlarge", "g5.12xlarge"),
        new RecommendationResult.DecisionSummary("g5.2xlarge", "g5.2xlarge", 2, 3, 2, 4, 1,
            3.125, 1.3, 140 * MIN, 130 * MIN, 2948,
            new RecommendationResult.Versus("g5.4xlarge", "g5.4xlarge", 2, 3, 3456, 508, 17.2,
                0.15, false),
            new RecommendationResult.Versus("g5.12xlarge", "g5.12xlarge", 2, 2, 10346, 7398,
                251.0, 0.22, false)),
        false, List.of("median output lengths differ"));

    String text = RecommendTable.render(result(rec));

    assertThat(text).startsWith("recommendation for 80.0 req/min steady, 250 req/min at the "
        + "peak (10 h a day), growth ×1.30, N+1, at least 1 instance; sagemaker prices "
        + "(us-east-1)");
    List<String> lines = text.lines().toList();
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("rank")).findFirst()
        .orElseThrow());
    assertThat(lines.get(header)).contains("req/min/instance [bracket]", "$/month (range)")
        .endsWith("utilisation");
    assertThat(lines.get(header + 1)).startsWith("1     g5.2xlarge")
        .contains("2 / 3", "2,948 (2,848–3,048)", "0.1804", "140 [130, 150]", "1,340")
        .endsWith("70 %");
    assertThat(lines.get(header + 2)).startsWith("=2    g5.4xlarge");
    assertThat(lines.get(header + 3)).startsWith("=2    g5.12xlarge");
    assertThat(text).contains("= tie: the monthly cost ranges overlap");
    assertThat(text).contains("rejected:\n  g5.xlarge  does-not-fit  GET /health answered 503: "
        + "out of memory while loading\n");
    assertThat(text).contains("not run: g4dn — interrupted before it started");
    assertThat(text).contains("g4dn: first success none; first 3: failed, failed, failed");
    assertThat(text).contains("Ship g5.2xlarge × 2 (N+1 at steady load), autoscale to 3–4 for "
        + "the peak and growth: $2,948 a month.");
    assertThat(text).contains("minimum sized at 140 req/min per instance (point estimate), "
        + "maximum at 130");
    assertThat(text).contains("Runner-up g5.4xlarge × 2–3: +$508 a month (+17.2 %).");
    assertThat(text).contains("Biggest passing g5.12xlarge × 2–2: +$7,398 a month (+251.0 %).");
    assertThat(text).contains("note: median output lengths differ");
  }

  @Test
  void whenNothingFitsTheDecisionSaysTheModelMustShrink() {
    RecommendationResult rec = new RecommendationResult(traffic(), "ec2",
        new RecommendationResult.CatalogSummary(List.of("aws.yaml"), null),
        List.of(rejected("g5.xlarge", "does-not-fit", "out of memory")), List.of(), null, true,
        List.of());

    String text = RecommendTable.render(result(rec));

    assertThat(text).contains("no candidate passed");
    assertThat(text).contains("No candidate passed: nothing to ship. Every candidate was "
        + "rejected because the model does not fit");
  }
}
