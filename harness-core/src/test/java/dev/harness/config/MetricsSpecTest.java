package dev.harness.config;

import static dev.harness.config.TestPlans.ONE_PHASE;
import static dev.harness.config.TestPlans.PAYLOADS;
import static dev.harness.config.TestPlans.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's {@code metrics:} section. TARGET is lines 1-3, PAYLOADS 4-5, ONE_PHASE 6-7, so a
 * metrics section appended to them starts on line 8.
 */
class MetricsSpecTest {
  private static final String BASE = TARGET + PAYLOADS + ONE_PHASE;

  @TempDir Path dir;

  private Plan plan(String metrics) throws PlanException {
    return TestPlans.parse(dir, BASE + metrics).plan();
  }

  private PlanException error(String metrics) {
    return catchThrowableOfType(() -> plan(metrics), PlanException.class);
  }

  @Test
  void aPlanWithoutMetricsScrapesNothing() throws Exception {
    assertThat(TestPlans.parse(dir, BASE).plan().metrics()).isNull();
  }

  @Test
  void autoScrapesTheTargetsOriginAtTheDefaultInterval() throws Exception {
    PrometheusSpec p = plan("metrics:\n  prometheus: auto\n").metrics().prometheus();
    assertThat(p.url()).isEqualTo(URI.create("http://127.0.0.1:8000/metrics"));
    assertThat(p.interval()).isEqualTo(PrometheusSpec.DEFAULT_INTERVAL);
    assertThat(p.extraSeries()).isEmpty();
  }

  @Test
  void autoDropsTheTargetsPathAndQueryButKeepsSchemeAndPort() throws Exception {
    String yaml = """
        target:
          protocol: openai-chat
          url: https://llm.internal:8443/v1/chat/completions?x=1
        """ + PAYLOADS + ONE_PHASE + "metrics:\n  prometheus: {url: auto}\n";
    PrometheusSpec p = TestPlans.parse(dir, yaml).plan().metrics().prometheus();
    assertThat(p.url()).isEqualTo(URI.create("https://llm.internal:8443/metrics"));
  }

  @Test
  void aUrlIntervalAndExtraSeriesAreRead() throws Exception {
    PrometheusSpec p = plan("""
        metrics:
          prometheus:
            url: http://10.0.0.7:9400/metrics
            interval: 500ms
            extra-series: [DCGM_FI_DEV_POWER_USAGE, "vllm:prompt_tokens_total"]
        """).metrics().prometheus();
    assertThat(p.url()).isEqualTo(URI.create("http://10.0.0.7:9400/metrics"));
    assertThat(p.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.extraSeries())
        .containsExactly("DCGM_FI_DEV_POWER_USAGE", "vllm:prompt_tokens_total");
  }

  @Test
  void aUrlAloneIsShorthandForTheMapping() throws Exception {
    PrometheusSpec p = plan("metrics:\n  prometheus: http://127.0.0.1:9400/metrics\n")
        .metrics().prometheus();
    assertThat(p.url()).isEqualTo(URI.create("http://127.0.0.1:9400/metrics"));
  }

  @Test
  void theScrapeTimeoutIsTheIntervalCappedAtTwoSeconds() {
    URI u = URI.create("http://h/metrics");
    assertThat(new PrometheusSpec(u, Duration.ofSeconds(15), List.of()).timeout())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(new PrometheusSpec(u, Duration.ofMillis(250), List.of()).timeout())
        .isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void aMisspeltSourceIsAnUnknownKeyWithASuggestion() {
    PlanException e = error("metrics:\n  promethus: auto\n");
    assertThat(e.line()).isEqualTo(9);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.field()).isEqualTo("metrics.promethus");
    assertThat(e.problem()).contains("unknown key; did you mean 'prometheus'?");
    assertThat(e.getMessage()).startsWith(dir.resolve("plan.yaml") + ":9:3: metrics.promethus:");
  }

  @Test
  void aMisspeltPrometheusKeyIsAnUnknownKeyWithASuggestion() {
    PlanException e = error("metrics:\n  prometheus:\n    url: auto\n    intervall: 2s\n");
    assertThat(e.line()).isEqualTo(11);
    assertThat(e.field()).isEqualTo("metrics.prometheus.intervall");
    assertThat(e.problem()).contains("did you mean 'interval'?");
  }

  @Test
  void aTopLevelMisspellingSuggestsMetrics() {
    PlanException e = error("metric:\n  prometheus: auto\n");
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.problem()).contains("did you mean 'metrics'?");
  }

  @Test
  void aUrlThatIsNotHttpIsRejectedAtItsValue() {
    PlanException e = error("metrics:\n  prometheus:\n    url: ftp://h/metrics\n");
    assertThat(e.line()).isEqualTo(10);
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.field()).isEqualTo("metrics.prometheus.url");
    assertThat(e.problem()).contains("must be auto or an absolute http(s) URL")
        .contains("'ftp://h/metrics'").contains("http://127.0.0.1:8000/metrics");
  }

  @Test
  void aMappingWithoutUrlIsAnError() {
    PlanException e = error("metrics:\n  prometheus:\n    interval: 2s\n");
    assertThat(e.field()).isEqualTo("metrics.prometheus.url");
    assertThat(e.problem()).isEqualTo("is required but missing");
  }

  @Test
  void aZeroIntervalIsRejected() {
    PlanException e = error("metrics:\n  prometheus: {url: auto, interval: 0s}\n");
    assertThat(e.field()).isEqualTo("metrics.prometheus.interval");
    assertThat(e.problem()).contains("longer than zero");
  }

  @Test
  void extraSeriesMustBeMetricNamesListedOnce() {
    PlanException bad = error(
        "metrics:\n  prometheus:\n    url: auto\n    extra-series: [ok_name, \"9bad\"]\n");
    assertThat(bad.field()).isEqualTo("metrics.prometheus.extra-series[1]");
    assertThat(bad.line()).isEqualTo(11);
    assertThat(bad.problem()).contains("not a Prometheus metric name").contains("'9bad'");
    PlanException twice = error(
        "metrics:\n  prometheus:\n    url: auto\n    extra-series: [a, b, a]\n");
    assertThat(twice.field()).isEqualTo("metrics.prometheus.extra-series[2]");
    assertThat(twice.problem()).contains("listed twice");
  }

  @Test
  void aMetricsSectionWithoutSourcesIsAnError() {
    PlanException e = error("metrics: {}\n");
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.field()).isEqualTo("metrics");
    assertThat(e.problem()).contains("names no source");
  }

  @Test
  void cloudwatchIsASourceOfItsOwnBesideOrInsteadOfPrometheus() throws Exception {
    MetricsSpec m = plan("""
        metrics:
          cloudwatch: {region: us-east-1, preset: sagemaker, endpoint-name: llm-7b}
        """).metrics();
    assertThat(m.prometheus()).isNull();
    assertThat(m.cloudwatch().region()).isEqualTo("us-east-1");
    PlanException e = error("""
        metrics:
          cloudwatch: {region: us-east-1, preset: sagemakr, endpoint-name: llm-7b}
        """);
    assertThat(e.line()).isEqualTo(9);
    assertThat(e.field()).isEqualTo("metrics.cloudwatch.preset");
    assertThat(e.problem()).contains("sagemaker");
  }

  @Test
  void theRecordsRejectBadValuesInCodeToo() {
    assertThatThrownBy(() -> PrometheusSpec.of(URI.create("/metrics")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/metrics");
    assertThatThrownBy(() ->
        new PrometheusSpec(URI.create("http://h/m"), Duration.ofSeconds(-1), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    assertThatThrownBy(() -> new MetricsSpec(null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
