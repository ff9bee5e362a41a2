package dev.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harness.metrics.PrometheusText.Exposition;
import dev.harness.metrics.PrometheusText.MetricSample;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static List<MetricSample> named(Exposition e, String name) {
    return e.samples().stream().filter(s -> s.name().equals(name)).collect(Collectors.toList());
  }

  @Test
  void vllmExpositionKeepsColonNamesLabelsTypesAndHistogramLines() {
    Exposition e = PrometheusText.parse(Fixtures.exposition("vllm.txt"));
    assertThat(e.malformedLines()).isZero();
    assertThat(e.samples()).hasSize(11);
    MetricSample running = named(e, "vllm:num_requests_running").get(0);
    assertThat(running.value()).isEqualTo(12.0);
    assertThat(running.labels())
        .containsExactly(
            Map.entry("engine", "0"),
            Map.entry("model_name", "meta-llama/Llama-3.1-8B-Instruct"));
    assertThat(running.hasTimestamp()).isFalse();
    assertThat(e.types())
        .containsEntry("vllm:num_requests_running", "gauge")
        .containsEntry("vllm:time_to_first_token_seconds", "histogram");
    assertThat(e.help()).containsEntry("vllm:kv_cache_usage_perc",
        "KV-cache usage. 1 means 100 percent usage.");
    MetricSample infBucket = named(e, "vllm:time_to_first_token_seconds_bucket").get(2);
    assertThat(infBucket.labels()).containsEntry("le", "+Inf");
    assertThat(infBucket.value()).isEqualTo(240.0);
  }

  @Test
  void everyRecordedServerOutputParsesWithoutMalformedLines() {
    for (String f : List.of("vllm-old.txt", "triton-1.txt", "triton-2.txt", "dcgm.txt",
        "neuron-monitor.txt", "llamacpp.txt")) {
      Exposition e = PrometheusText.parse(Fixtures.exposition(f));
      assertThat(e.malformedLines()).as(f).isZero();
      assertThat(e.samples()).as(f).isNotEmpty();
    }
  }

  @Test
  void dcgmLabelsWithUpperCaseNamesAndScientificNeuronValuesAreRead() {
    Exposition dcgm = PrometheusText.parse(Fixtures.exposition("dcgm.txt"));
    MetricSample util = named(dcgm, "DCGM_FI_DEV_GPU_UTIL").get(1);
    assertThat(util.labels()).containsEntry("UUID", "GPU-8a9b0c1d-2e3f-4a5b-6c7d-8e9f0a1b2c3d")
        .containsEntry("DCGM_FI_DRIVER_VERSION", "535.183.01");
    assertThat(util.value()).isEqualTo(43.0);
    Exposition neuron = PrometheusText.parse(Fixtures.exposition("neuron-monitor.txt"));
    assertThat(named(neuron, "neuron_runtime_memory_used_bytes").get(1).value())
        .isEqualTo(1.6106127e10);
    assertThat(named(neuron, "neuroncore_utilization_ratio").get(0).labels())
        .containsEntry("instance_name", "");
  }

  @Test
  void lowerCaseNanFromLlamaCppIsAValueNotAnError() {
    Exposition e = PrometheusText.parse(Fixtures.exposition("llamacpp.txt"));
    assertThat(named(e, "llamacpp:predicted_tokens_seconds").get(0).value()).isNaN();
    assertThat(named(e, "llamacpp:requests_processing").get(0).labels()).isEmpty();
  }

  @Test
  void specialValuesAreReadInAnyLetterCase() {
    Exposition e = PrometheusText.parse(
        "a NaN\nb +Inf\nc -Inf\nd inf\ne INF\nf nan\ng -inf\nh 1.5e3\ni -0.25\nj +Infinity\n");
    assertThat(e.malformedLines()).isZero();
    assertThat(e.samples()).extracting(MetricSample::value)
        .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN,
            Double.NEGATIVE_INFINITY, 1500.0, -0.25, Double.POSITIVE_INFINITY);
  }

  @Test
  void labelValuesUndoEscapedQuotesBackslashesAndNewlines() {
    Exposition e = PrometheusText.parse(
        "m{path=\"C:\\\\tmp\",msg=\"say \\\"hi\\\"\\nbye\",brace=\"}{,=\"} 1\n");
    assertThat(e.malformedLines()).isZero();
    assertThat(e.samples().get(0).labels())
        .containsEntry("path", "C:\\tmp")
        .containsEntry("msg", "say \"hi\"\nbye")
        .containsEntry("brace", "}{,=");
  }

  @Test
  void timestampsTrailingCommasBlanksAndCarriageReturnsAreAccepted() {
    Exposition e = PrometheusText.parse(
        "up{job=\"x\",} 1 1700000000123\r\n\tspaced  {a=\"b\"}\t 2 \r\n\n# just a comment\n");
    assertThat(e.malformedLines()).isZero();
    assertThat(e.samples()).hasSize(2);
    assertThat(e.samples().get(0).timestampMillis()).isEqualTo(1_700_000_000_123L);
    assertThat(e.samples().get(1).name()).isEqualTo("spaced");
    assertThat(e.samples().get(1).labels()).containsEntry("a", "b");
    assertThat(e.samples().get(1).hasTimestamp()).isFalse();
  }

  @Test
  void helpTextUndoesItsOwnEscapes() {
    Exposition e = PrometheusText.parse("# HELP m first\\nsecond \\\\ third\n");
    assertThat(e.help()).containsEntry("m", "first\nsecond \\ third");
  }

  @Test
  void malformedLinesAreSkippedCountedAndTheRestIsKept() {
    String text = String.join("\n",
        "good_one 1",
        "no_value",
        "bad{label=\"unterminated} 1",
        "9starts_with_digit 1",
        "bad_value 12abc",
        "java_suffix 1d",
        "dup{a=\"1\",a=\"2\"} 1",
        "bad_escape{a=\"\\t\"} 1",
        "too many 1 2 3",
        "bad_ts 1 12.5",
        "# TYPE m nonsense",
        "good_two{x=\"y\"} 2",
        "");
    Exposition e = PrometheusText.parse(text);
    assertThat(e.samples()).extracting(MetricSample::name)
        .containsExactly("good_one", "good_two");
    assertThat(e.malformedLines()).isEqualTo(10);
    assertThat(e.firstMalformedLine()).isEqualTo(2);
  }

  @Test
  void parseValueRejectsTextThatIsNotAGoFloat() {
    assertThatThrownBy(() -> PrometheusText.parseValue("--1"))
        .isInstanceOf(NumberFormatException.class);
  }
}
