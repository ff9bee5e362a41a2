package dev.harness.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.record.LatencySummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {
  @TempDir Path dir;

  /** A result with every field set, nested maps and a null stop reason. */
  static RunResult sample(String stopReason) {
    Map<String, Object> phase = new LinkedHashMap<>();
    phase.put("name", "steady");
    phase.put("type", "constant");
    phase.put("rate", 12.5);
    phase.put("durationSeconds", 30.0);
    phase.put("arrival", "poisson");
    Map<String, Object> slo = new LinkedHashMap<>();
    slo.put("objectives", List.of("e2e p99 <= 150 ms"));
    slo.put("maxErrorRate", 0.01);
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("requestTimeoutSeconds", 2.0);
    limits.put("maxInFlight", 48);
    limits.put("connectionPerRequest", false);
    LatencySummary e2e = new LatencySummary(370, 4.25, 3.9, 6.1, 7.0, 11.3, 19.9, 2000.0, 2000.0);
    StepResult step =
        new StepResult(0, "steady", "steady", 0.0, 30.0, 12.5, 12.5, 12.5, 375, 12.3,
            Map.of("success", 370L, "timeout", 5L), 5 / 375.0, Map.of("e2e", e2e), 0, 0.0,
            Map.of());
    return new RunResult(
        RunResult.SCHEMA_VERSION,
        "20260101-120000-scoring",
        "run",
        Instant.parse("2026-01-01T12:00:00.250Z"),
        Instant.parse("2026-01-01T12:00:33.125Z"),
        stopReason != null,
        stopReason,
        -7L,
        Map.of("harness", "0.1.0", "java", "17.0.9"),
        new PlanSummary("plans/scoring.yaml", "scoring", "http", "http://127.0.0.1:8080/score",
            null, false, List.of("Authorization", "X-Team"), List.of(phase), slo, limits),
        new PayloadSummary("bodies.jsonl", 2, 1, "sequential", false, "ab12"),
        new GeneratorSummary("epoll", 1, 48, 48, 7, 0.12, 3.4, 1.1, 5.6, 2),
        List.of(new RunResult.Anchor(0, 1_767_268_800_250L),
            new RunResult.Anchor(1_000_123_456L, 1_767_268_801_250L)),
        List.of(step),
        new Totals(375, 370, Map.of("success", 370L, "timeout", 5L), 5 / 375.0, 0, 33.0),
        List.of("limits.max-in-flight: below the recommended 60"),
        null);
  }

  @Test
  void aResultRoundTripsFieldForField() throws Exception {
    RunResult written = sample(null);

    ResultsJson.write(written, dir);

    assertThat(ResultsJson.read(dir)).isEqualTo(written);
    assertThat(ResultsJson.read(dir.resolve(ResultsJson.FILE_NAME))).isEqualTo(written);
    assertThat(dir.resolve(ResultsJson.FILE_NAME + ".tmp")).doesNotExist();
  }

  @Test
  void writingAgainReplacesTheFile() throws Exception {
    ResultsJson.write(sample(null), dir);
    RunResult second = sample("interrupted");

    ResultsJson.write(second, dir);

    assertThat(ResultsJson.read(dir)).isEqualTo(second);
  }

  @Test
  void timesAreIsoInstantsAndNullsAreWritten() throws Exception {
    ResultsJson.write(sample(null), dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve(ResultsJson.FILE_NAME).toFile());
    assertThat(json.get("startedAt").textValue()).isEqualTo("2026-01-01T12:00:00.250Z");
    assertThat(json.get("stopReason").isNull()).isTrue();
    assertThat(json.get("schemaVersion").intValue()).isEqualTo(1);
    assertThat(json.at("/steps/0/latencies/e2e/p99Millis").doubleValue()).isEqualTo(11.3);
  }

  @Test
  void mapEntriesAreWrittenSortedByKey() throws Exception {
    ResultsJson.write(sample(null), dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve(ResultsJson.FILE_NAME).toFile());
    assertThat(names(json.get("versions"))).containsExactly("harness", "java");
    assertThat(names(json.at("/steps/0/outcomes"))).containsExactly("success", "timeout");
    assertThat(names(json.at("/plan/phases/0")))
        .containsExactly("arrival", "durationSeconds", "name", "rate", "type");
  }

  /** Schema version 1 is sealed: renaming or dropping a field needs a new version. */
  @Test
  void schemaVersionOneFieldNamesAreSealed() throws Exception {
    ResultsJson.write(sample("interrupted"), dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve(ResultsJson.FILE_NAME).toFile());
    assertThat(names(json)).containsExactly(
        "schemaVersion", "runId", "kind", "startedAt", "endedAt", "interrupted", "stopReason",
        "seed", "versions", "plan", "payloads", "generator", "anchors", "steps", "totals",
        "warnings", "capacity", "recommendation");
    assertThat(names(json.get("plan"))).containsExactly(
        "file", "name", "protocol", "url", "model", "stream", "headerNames", "phases", "slo",
        "limits");
    assertThat(names(json.get("payloads"))).containsExactly(
        "file", "count", "skippedLines", "sampling", "saltedPrompts", "sha256");
    assertThat(names(json.get("generator"))).containsExactly(
        "transport", "eventLoops", "maxInFlight", "connections", "preconnected",
        "scheduleLagP99Millis", "scheduleLagMaxMillis", "hiccupP999Millis", "hiccupMaxMillis",
        "staleResends");
    assertThat(names(json.at("/anchors/0"))).containsExactly("offsetNanos", "wallClockMillis");
    assertThat(names(json.at("/steps/0"))).containsExactly(
        "index", "name", "phase", "startOffsetSeconds", "durationSeconds", "offeredRps",
        "startRps", "endRps", "scheduled", "achievedRps", "outcomes", "errorRate", "latencies",
        "outputTokens", "outputTokensPerSec", "tokenCountSources");
    assertThat(names(json.at("/steps/0/latencies/e2e"))).containsExactly(
        "n", "meanMillis", "p50Millis", "p90Millis", "p95Millis", "p99Millis", "p999Millis",
        "maxMillis", "censoredAtMillis");
    assertThat(names(json.get("totals"))).containsExactly(
        "scheduled", "succeeded", "outcomes", "errorRate", "outputTokens", "durationSeconds");
  }

  /** A recommendation with one passing and one rejected candidate and a decision. */
  static RecommendationResult recommendation() {
    RecommendationResult.Range capacity = new RecommendationResult.Range(2.0, 2.2, 2.4);
    RecommendationResult.Candidate passed = new RecommendationResult.Candidate("g5.2xlarge",
        "g5.2xlarge", 1, 1, 1.515, "2026-11-01", "AWS list prices", "vLLM", "passed", 1, 1,
        List.of(), capacity, 2.2, 2.2, 1340.0, 900.0, 700.0, 320.0,
        Map.of("kv_cache_usage.mean", 0.4), 0.19, 0.6,
        new RecommendationResult.Range(2100, 2200, 2300), 2, 4, null, null, null,
        "candidates/g5.2xlarge",
        new RecommendationResult.ColdStart(812.5, java.util.Arrays.asList(812.5, null, 900.0)));
    RecommendationResult.Candidate rejected = new RecommendationResult.Candidate("inf2",
        "inf2.xlarge", 1, 1, 0.99, null, null, null, "rejected", null, null, List.of(), null,
        null, null, null, null, null, null, Map.of(), null, null, null, null, null,
        "declared-incompatible", "declared incompatible: needs Neuron", null, null, null);
    RecommendationResult.Versus none = null;
    return new RecommendationResult(
        new RecommendationResult.TrafficSummary(1.33, 4.17, 10, 1.3, 1, 1), "sagemaker",
        new RecommendationResult.CatalogSummary(List.of("profiles/catalog/aws-us-east-1.yaml"),
            "us-east-1"),
        List.of(passed, rejected), List.of("g5.2xlarge"),
        new RecommendationResult.DecisionSummary("g5.2xlarge", "g5.2xlarge", 2, 4, 2, 4, 1, 3.13,
            1.3, 2.2, 2.0, 2200, none, none),
        false, List.of("a warning"));
  }

  static RunResult withRecommendation(RunResult r, RecommendationResult rec) {
    return new RunResult(r.schemaVersion(), r.runId(), "recommend", r.startedAt(), r.endedAt(),
        r.interrupted(), r.stopReason(), r.seed(), r.versions(), r.plan(), r.payloads(),
        r.generator(), r.anchors(), List.of(), r.totals(), r.warnings(), null, rec);
  }

  @Test
  void aRecommendationRoundTripsAndItsFieldNamesAreSealed() throws Exception {
    RunResult written = withRecommendation(sample(null), recommendation());

    ResultsJson.write(written, dir);

    assertThat(ResultsJson.read(dir)).isEqualTo(written);
    JsonNode json = new ObjectMapper().readTree(dir.resolve(ResultsJson.FILE_NAME).toFile());
    assertThat(names(json.get("recommendation"))).containsExactly(
        "traffic", "platform", "catalog", "candidates", "ranking", "decision", "nothingFits",
        "warnings");
    assertThat(names(json.at("/recommendation/traffic"))).containsExactly(
        "steadyRps", "peakRps", "peakHoursPerDay", "growth", "minInstances", "redundancy");
    assertThat(names(json.at("/recommendation/catalog"))).containsExactly("files", "region");
    assertThat(names(json.at("/recommendation/candidates/0"))).containsExactly(
        "name", "instanceType", "copiesPerInstance", "gpusPerCopy", "pricePerHour",
        "priceTaken", "priceSource", "notes", "status", "position", "rank", "tiedWith",
        "capacityRps", "perCopyRps", "perGpuRps", "p99Millis", "p99TtftMillis",
        "outputTokensPerSec", "medianOutputTokens", "serverMetrics", "costPer1kInferences",
        "costPer1MOutputTokens", "monthlyCost", "steadyInstances", "peakInstances",
        "rejectionReason", "evidence", "notRunReason", "resultsDir", "coldStart");
    assertThat(names(json.at("/recommendation/candidates/0/capacityRps")))
        .containsExactly("low", "point", "high");
    assertThat(names(json.at("/recommendation/candidates/0/coldStart")))
        .containsExactly("healthyToFirstSuccessMillis", "firstLatenciesMillis");
    assertThat(names(json.at("/recommendation/decision"))).containsExactly(
        "chosen", "instanceType", "steadyInstances", "peakInstances", "autoscalingMin",
        "autoscalingMax", "redundancy", "burstFactor", "growth", "minSizedAtRps",
        "maxSizedAtRps", "monthlyCost", "runnerUp", "biggest");
  }

  @Test
  void unknownFieldsFromANewerMinorWriterAreIgnored() throws Exception {
    ResultsJson.write(sample(null), dir);
    Path file = dir.resolve(ResultsJson.FILE_NAME);
    Files.writeString(file, Files.readString(file).replaceFirst("\\{", "{\"futureField\": 3,"));

    assertThat(ResultsJson.read(dir)).isEqualTo(sample(null));
  }

  @Test
  void aNewerSchemaVersionIsRejectedNamingBothVersions() throws Exception {
    ResultsJson.write(sample(null), dir);
    Path file = dir.resolve(ResultsJson.FILE_NAME);
    Files.writeString(
        file, Files.readString(file).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));

    assertThatIOException().isThrownBy(() -> ResultsJson.read(dir))
        .withMessageContaining("schema version 2")
        .withMessageContaining("(1)")
        .withMessageContaining(file.toString());
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
