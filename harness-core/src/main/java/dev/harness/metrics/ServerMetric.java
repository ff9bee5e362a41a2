package dev.harness.metrics;

import java.util.Optional;

/**
 * The canonical server-side metrics, named once for every source. Sources map their own names to
 * these (see docs/metrics-sources.md); results use {@link #id()} as the key.
 */
public enum ServerMetric {
  /** Requests the server is executing now (vLLM running, llama.cpp processing). */
  REQUESTS_RUNNING("requests_running", "requests", Aggregation.SUM),
  /** Requests queued at the server, not yet scheduled (vLLM waiting, llama.cpp deferred). */
  REQUESTS_WAITING("requests_waiting", "requests", Aggregation.SUM),
  /** Share of the KV cache in use, 0..1. */
  KV_CACHE_USAGE("kv_cache_usage", "ratio", Aggregation.MEAN),
  /**
   * "GPU busy %" as a ratio 0..1: the share of time in which any kernel was running on the GPU
   * (what nvidia-smi, NVML and DCGM_FI_DEV_GPU_UTIL report). It is not how full the GPU is: one
   * small kernel on one SM counts as busy. Prefer {@link #SM_ACTIVE} and {@link #KV_CACHE_USAGE}
   * for headroom.
   */
  GPU_BUSY("gpu_busy", "ratio", Aggregation.MEAN),
  /** Share of SMs with at least one warp resident, averaged over time, 0..1 (DCGM profiling). */
  SM_ACTIVE("sm_active", "ratio", Aggregation.MEAN),
  /** GPU memory in use, bytes (summed over GPUs in the aggregate). */
  GPU_MEMORY_USED_BYTES("gpu_memory_used_bytes", "bytes", Aggregation.SUM),
  /**
   * Mean time a request waited in the server's queue over the scrape interval, milliseconds.
   * Triton: Δ{@code nv_inference_queue_duration_us} / Δ{@code nv_inference_count} / 1000.
   */
  QUEUE_TIME_MS("queue_time_ms", "ms", Aggregation.MEAN),
  /** NeuronCore utilisation, 0..1 (neuron-monitor). */
  NEURONCORE_UTILIZATION("neuroncore_utilization", "ratio", Aggregation.MEAN);

  /** How per-device series combine into the canonical aggregate. */
  public enum Aggregation {
    /** Counts and bytes add up. */
    SUM,
    /** Ratios and times average. */
    MEAN
  }

  private final String id;
  private final String unit;
  private final Aggregation aggregation;

  ServerMetric(String id, String unit, Aggregation aggregation) {
    this.id = id;
    this.unit = unit;
    this.aggregation = aggregation;
  }

  /** The canonical name used as a series name and a results key, e.g. {@code requests_running}. */
  public String id() {
    return id;
  }

  /** Unit of the values. */
  public String unit() {
    return unit;
  }

  /** How series of several devices or models combine. */
  public Aggregation aggregation() {
    return aggregation;
  }

  /** The metric whose {@link #id()} is {@code id}, if any. */
  public static Optional<ServerMetric> byId(String id) {
    for (ServerMetric m : values()) {
      if (m.id.equals(id)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
