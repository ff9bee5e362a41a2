package dev.harness.metrics;

import java.util.List;

/**
 * The servers' metric names and the canonical {@link ServerMetric} each maps to, in order of
 * preference: when a scrape holds several names of one canonical metric (vLLM exposes both {@code
 * vllm:kv_cache_usage_perc} and the older {@code vllm:gpu_cache_usage_perc}), the first listed
 * wins and the others are ignored for that scrape. Sources of the names: vLLM's "Production
 * Metrics" page, Triton's "Metrics" guide, NVIDIA DCGM exporter's default counters
 * (dcp-metrics-included.csv), AWS Neuron's neuron-monitor Prometheus exporter, llama.cpp server's
 * {@code /metrics} and docs/simulator.md.
 */
final class PrometheusNames {
  private PrometheusNames() {}

  /**
   * A server name for a canonical metric.
   *
   * @param source the name in the exposition
   * @param metric the canonical metric
   * @param scale factor from the server's unit to the canonical one
   */
  record Mapping(String source, ServerMetric metric, double scale) {}

  static final double MIB = 1024.0 * 1024.0;

  /** Gauges mapped sample by sample, in order of preference per canonical metric. */
  static final List<Mapping> GAUGES =
      List.of(
          new Mapping("vllm:num_requests_running", ServerMetric.REQUESTS_RUNNING, 1),
          new Mapping("llamacpp:requests_processing", ServerMetric.REQUESTS_RUNNING, 1),
          new Mapping("vllm:num_requests_waiting", ServerMetric.REQUESTS_WAITING, 1),
          new Mapping("llamacpp:requests_deferred", ServerMetric.REQUESTS_WAITING, 1),
          new Mapping("vllm:kv_cache_usage_perc", ServerMetric.KV_CACHE_USAGE, 1),
          new Mapping("vllm:gpu_cache_usage_perc", ServerMetric.KV_CACHE_USAGE, 1),
          new Mapping("llamacpp:kv_cache_usage_ratio", ServerMetric.KV_CACHE_USAGE, 1),
          // DCGM reports percent 0..100; Triton and the simulator a 0..1 fraction
          new Mapping("DCGM_FI_DEV_GPU_UTIL", ServerMetric.GPU_BUSY, 0.01),
          new Mapping("nv_gpu_utilization", ServerMetric.GPU_BUSY, 1),
          new Mapping("harness_sim_gpu_busy_ratio", ServerMetric.GPU_BUSY, 1),
          new Mapping("DCGM_FI_PROF_SM_ACTIVE", ServerMetric.SM_ACTIVE, 1),
          new Mapping("nv_gpu_memory_used_bytes", ServerMetric.GPU_MEMORY_USED_BYTES, 1),
          // DCGM frame-buffer figures are MiB
          new Mapping("DCGM_FI_DEV_FB_USED", ServerMetric.GPU_MEMORY_USED_BYTES, MIB),
          new Mapping(
              "neuroncore_utilization_ratio", ServerMetric.NEURONCORE_UTILIZATION, 1));

  /** Triton's cumulative queue time of successful requests, µs (a counter). */
  static final String TRITON_QUEUE_US = "nv_inference_queue_duration_us";

  /**
   * Counters that count the requests behind {@link #TRITON_QUEUE_US}, in order of preference:
   * successful requests (each request once, whatever its batch size), else inferences.
   */
  static final List<String> TRITON_REQUEST_COUNTS =
      List.of("nv_inference_request_success", "nv_inference_count");
}
