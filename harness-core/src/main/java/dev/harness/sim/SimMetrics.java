package dev.harness.sim;

import java.util.Locale;

/**
 * The Prometheus text exposition of {@code GET /metrics}. Gauge names follow vLLM's ({@code
 * vllm:num_requests_running}, {@code vllm:num_requests_waiting}, {@code vllm:kv_cache_usage_perc}
 * and its older name {@code vllm:gpu_cache_usage_perc}, both a 0..1 fraction as in vLLM); {@code
 * harness_sim_gpu_busy_ratio} is the accelerator's busy fraction since the previous scrape (for c
 * servers, busy server-time ÷ (c × elapsed)), {@code harness_sim_gpu_busy_seconds_total} its
 * counter. Triton's names are there too: {@code nv_inference_request_success} and {@code
 * nv_inference_queue_duration_us} (cumulative queue time of the successful requests, µs) per model
 * and version, and {@code nv_gpu_utilization}, the same busy fraction (also for CPU profiles).
 */
final class SimMetrics {
  private long lastNanos;
  private long lastBusy;

  synchronized String render(
      String model, Backend.Snapshot s, long nowNanos, long succeeded, long failed,
      long queueNanos) {
    long elapsed = nowNanos - lastNanos;
    double ratio =
        elapsed <= 0 ? 0 : (double) (s.busyNanos() - lastBusy) / ((double) elapsed * s.capacity());
    lastNanos = nowNanos;
    lastBusy = s.busyNanos();
    String label = "{model_name=" + OpenAiFormat.quote(model) + "}";
    StringBuilder sb = new StringBuilder();
    gauge(sb, "vllm:num_requests_running", "Requests in the running batch.", label, s.running());
    gauge(sb, "vllm:num_requests_waiting", "Requests waiting to be admitted.", label,
        s.waiting());
    gauge(sb, "vllm:kv_cache_usage_perc", "KV-cache usage, 1 = full.", label, s.kvCacheUsage());
    gauge(sb, "vllm:gpu_cache_usage_perc", "KV-cache usage, 1 = full (older name).", label,
        s.kvCacheUsage());
    gauge(sb, "harness_sim_gpu_busy_ratio", "Accelerator busy fraction since the last scrape.",
        label, Math.min(1, Math.max(0, ratio)));
    sb.append("# HELP harness_sim_gpu_busy_seconds_total Accelerator busy time.\n")
        .append("# TYPE harness_sim_gpu_busy_seconds_total counter\n")
        .append("harness_sim_gpu_busy_seconds_total").append(label).append(' ')
        .append(number(s.busyNanos() / 1e9 / s.capacity())).append('\n');
    sb.append("# HELP harness_sim_requests_total Model requests answered, by outcome.\n")
        .append("# TYPE harness_sim_requests_total counter\n")
        .append("harness_sim_requests_total{model_name=").append(OpenAiFormat.quote(model))
        .append(",outcome=\"success\"} ").append(succeeded).append('\n')
        .append("harness_sim_requests_total{model_name=").append(OpenAiFormat.quote(model))
        .append(",outcome=\"rejected\"} ").append(failed).append('\n');
    String triton = "{model=" + OpenAiFormat.quote(model) + ",version=\"" + TritonRoutes.VERSION
        + "\"}";
    counter(sb, "nv_inference_request_success", "Successful inference requests (Triton).",
        triton, Long.toString(succeeded));
    counter(sb, "nv_inference_queue_duration_us",
        "Cumulative time requests spent queued, in microseconds (Triton).", triton,
        Long.toString(queueNanos / 1000));
    gauge(sb, "nv_gpu_utilization", "Accelerator busy fraction since the last scrape (Triton).",
        "{gpu_uuid=\"harness-sim-0\"}", Math.min(1, Math.max(0, ratio)));
    return sb.toString();
  }

  private static void counter(StringBuilder sb, String name, String help, String label,
      String value) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(" counter\n")
        .append(name).append(label).append(' ').append(value).append('\n');
  }

  private static void gauge(StringBuilder sb, String name, String help, String label,
      double value) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(" gauge\n")
        .append(name).append(label).append(' ').append(number(value)).append('\n');
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
