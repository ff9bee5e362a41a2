package dev.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.harness.config.PrometheusSpec;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How {@link PrometheusSource} maps what servers expose to canonical series (no sockets). */
class PrometheusMappingTest {
  private static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");
  private final ManualClock clock = new ManualClock(T0);
  private PrometheusSource source = sourceWith(List.of());

  private PrometheusSource sourceWith(List<String> extra) {
    return PrometheusSource.of(
        new PrometheusSpec(URI.create("http://127.0.0.1:9/metrics"), Duration.ofSeconds(1), extra),
        clock);
  }

  @AfterEach
  void close() {
    source.close();
  }

  private List<Series> all() {
    return source.fetch(T0.minusSeconds(3600), T0.plusSeconds(3600));
  }

  private Optional<Series> series(String name, Map<String, String> labels) {
    return all().stream()
        .filter(s -> s.name().equals(name) && s.labels().equals(labels))
        .findFirst();
  }

  private double lastOf(String name) {
    List<Sample> points = series(name, Map.of()).orElseThrow().points();
    return points.get(points.size() - 1).value();
  }

  @Test
  void vllmGaugesBecomeRunningWaitingAndKvCacheUsage() {
    source.ingest(Fixtures.exposition("vllm.txt"), T0);
    assertThat(lastOf("requests_running")).isEqualTo(12.0);
    assertThat(lastOf("requests_waiting")).isEqualTo(3.0);
    assertThat(lastOf("kv_cache_usage")).isEqualTo(0.4375);
    Map<String, String> labels =
        Map.of("engine", "0", "model_name", "meta-llama/Llama-3.1-8B-Instruct");
    assertThat(series("requests_running", labels)).isPresent();
    assertThat(series("requests_running", labels).get().unit()).isEqualTo("requests");
    assertThat(all()).extracting(Series::name)
        .doesNotContain("vllm:prompt_tokens_total", "python_gc_objects_collected_total");
  }

  @Test
  void olderVllmCacheNameIsReadWhenTheNewOneIsAbsent() {
    source.ingest(Fixtures.exposition("vllm-old.txt"), T0);
    assertThat(lastOf("kv_cache_usage")).isEqualTo(0.0821);
    assertThat(lastOf("requests_running")).isEqualTo(4.0);
  }

  @Test
  void theNewerCacheNameWinsWhenBothAreExposed() {
    source.ingest("vllm:gpu_cache_usage_perc 0.9\nvllm:kv_cache_usage_perc 0.2\n", T0);
    assertThat(series("kv_cache_usage", Map.of()).orElseThrow().points())
        .extracting(Sample::value).containsExactly(0.2);
  }

  @Test
  void dcgmPercentBecomesARatioAndMebibytesBecomeBytesSummedOverGpus() {
    source.ingest(Fixtures.exposition("dcgm.txt"), T0);
    assertThat(lastOf("gpu_busy")).isCloseTo((0.87 + 0.43) / 2, within(1e-12));
    assertThat(lastOf("sm_active")).isCloseTo((0.6125 + 0.2875) / 2, within(1e-12));
    assertThat(lastOf("gpu_memory_used_bytes")).isEqualTo((21504.0 + 20480.0) * 1024 * 1024);
    Series gpu0 = all().stream()
        .filter(s -> s.name().equals("gpu_busy") && "0".equals(s.labels().get("gpu")))
        .findFirst().orElseThrow();
    assertThat(gpu0.points().get(0).value()).isCloseTo(0.87, within(1e-12));
    assertThat(all()).extracting(Series::name).doesNotContain("DCGM_FI_DEV_SM_CLOCK");
  }

  @Test
  void tritonQueueTimeIsTheRatioOfCounterIncreasesBetweenScrapes() {
    source.ingest(Fixtures.exposition("triton-1.txt"), T0);
    assertThat(series("queue_time_ms", Map.of())).isEmpty(); // one scrape has no increase
    assertThat(lastOf("gpu_busy")).isCloseTo(0.5, within(1e-12));
    assertThat(lastOf("gpu_memory_used_bytes")).isEqualTo(10e9);

    clock.advance(Duration.ofSeconds(1));
    source.ingest(Fixtures.exposition("triton-2.txt"), clock.instant());
    // fraud: 250,000 µs over 100 more requests = 2.5 ms; embed had no requests, so no point
    Map<String, String> fraud = Map.of("model", "fraud", "version", "1");
    assertThat(series("queue_time_ms", fraud).orElseThrow().points())
        .extracting(Sample::value).containsExactly(2.5);
    assertThat(series("queue_time_ms", Map.of("model", "embed", "version", "2"))).isEmpty();
    assertThat(lastOf("queue_time_ms")).isEqualTo(2.5);
    assertThat(lastOf("gpu_busy")).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void tritonQueueAggregateWeighsModelsByTheirRequests() {
    source.ingest("nv_inference_request_success{model=\"a\"} 0\n"
        + "nv_inference_queue_duration_us{model=\"a\"} 0\n"
        + "nv_inference_request_success{model=\"b\"} 0\n"
        + "nv_inference_queue_duration_us{model=\"b\"} 0\n", T0);
    source.ingest("nv_inference_request_success{model=\"a\"} 10\n"
        + "nv_inference_queue_duration_us{model=\"a\"} 10000\n"
        + "nv_inference_request_success{model=\"b\"} 30\n"
        + "nv_inference_queue_duration_us{model=\"b\"} 90000\n", T0.plusSeconds(1));
    // a: 1 ms each for 10 requests, b: 3 ms each for 30 → (10 + 90) ms / 40 = 2.5 ms
    assertThat(lastOf("queue_time_ms")).isEqualTo(2.5);
  }

  @Test
  void aCounterResetGivesNoQueuePointForThatInterval() {
    source.ingest("nv_inference_count 100\nnv_inference_queue_duration_us 5000\n", T0);
    source.ingest("nv_inference_count 3\nnv_inference_queue_duration_us 90\n", T0.plusSeconds(1));
    assertThat(series("queue_time_ms", Map.of())).isEmpty();
    source.ingest("nv_inference_count 5\nnv_inference_queue_duration_us 4090\n",
        T0.plusSeconds(2));
    assertThat(lastOf("queue_time_ms")).isEqualTo(2.0); // 4000 µs / 2 requests
  }

  @Test
  void neuronCoresAverageAndLlamaCppGaugesMapWithoutLabels() {
    source.ingest(Fixtures.exposition("neuron-monitor.txt"), T0);
    assertThat(lastOf("neuroncore_utilization")).isCloseTo(0.6, within(1e-12));
    source.ingest(Fixtures.exposition("llamacpp.txt"), T0.plusSeconds(1));
    assertThat(lastOf("requests_running")).isEqualTo(2.0);
    assertThat(lastOf("requests_waiting")).isEqualTo(1.0);
    assertThat(lastOf("kv_cache_usage")).isEqualTo(0.25);
    assertThat(all()).filteredOn(s -> s.name().equals("requests_running"))
        .hasSize(1); // llama.cpp has no labels: only the aggregate
  }

  @Test
  void theSimulatorBusyRatioIsGpuBusy() {
    source.ingest("harness_sim_gpu_busy_ratio{model_name=\"m\"} 0.25\n", T0);
    assertThat(lastOf("gpu_busy")).isEqualTo(0.25);
  }

  @Test
  void nanIsKeptPerSeriesButLeftOutOfTheAggregate() {
    source.ingest("nv_gpu_utilization{gpu_uuid=\"a\"} NaN\nnv_gpu_utilization{gpu_uuid=\"b\"} 0.4\n",
        T0);
    assertThat(lastOf("gpu_busy")).isEqualTo(0.4);
    assertThat(series("gpu_busy", Map.of("gpu_uuid", "a")).orElseThrow().points().get(0).value())
        .isNaN();
  }

  @Test
  void listedExtraSeriesPassThroughUnderTheirOwnNames() {
    source.close();
    source = sourceWith(List.of("vllm:prompt_tokens_total", "not_exposed"));
    source.ingest(Fixtures.exposition("vllm.txt"), T0);
    Series raw = all().stream().filter(s -> s.name().equals("vllm:prompt_tokens_total"))
        .findFirst().orElseThrow();
    assertThat(raw.labels()).containsEntry("engine", "0");
    assertThat(raw.points()).extracting(Sample::value).containsExactly(184220.0);
    assertThat(all()).extracting(Series::name).doesNotContain("not_exposed");
  }

  @Test
  void fetchReturnsOnlyPointsInsideTheHalfOpenWindow() {
    for (int i = 0; i < 5; i++) {
      source.ingest("vllm:num_requests_running " + i + "\n", T0.plusSeconds(i));
    }
    List<Series> s = source.fetch(T0.plusSeconds(1), T0.plusSeconds(3));
    assertThat(s).hasSize(1);
    assertThat(s.get(0).points()).extracting(Sample::value).containsExactly(1.0, 2.0);
    assertThat(source.fetch(T0.plusSeconds(10), T0.plusSeconds(20))).isEmpty();
  }

  @Test
  void latestValueIgnoresReadingsOlderThanTheMaximumAge() {
    source.ingest("vllm:num_requests_waiting 7\n", T0);
    assertThat(source.latestValue("requests_waiting", Duration.ofSeconds(2))).hasValue(7.0);
    clock.advance(Duration.ofSeconds(3));
    assertThat(source.latestValue("requests_waiting", Duration.ofSeconds(2))).isEmpty();
    assertThat(source.latestValue("requests_running", Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void malformedLinesAreCountedInTheStatsAndTheScrapeStillCounts() {
    source.ingest("vllm:num_requests_running 1\nbroken{\n", T0);
    assertThat(source.stats().malformedLines()).isEqualTo(1);
    assertThat(source.stats().scrapes()).isEqualTo(1);
    assertThat(source.stats().failures()).isZero();
    assertThat(source.describe()).contains("1 malformed lines");
  }
}
