package dev.harness.report;

import dev.harness.record.LatencySummary;
import dev.harness.result.CapacityResult;
import dev.harness.result.CapacityStep;
import dev.harness.result.CheckResult;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The capacity curve printed after {@code harness capacity}: one row per search step (offered,
 * achieved and goodput rate, latency percentiles, errors, n, the server's queue, KV-cache and
 * GPU busy share where a metrics source reports them, verdict), then the sustainable rate
 * as a bracket with its point estimate, the first breach, and why the search ended.
 */
public final class CapacityTable {
  static final String WAITING_MAX = "requests_waiting.max";
  static final String KV_MEAN = "kv_cache_usage.mean";
  static final String BUSY_MEAN = "gpu_busy.mean";

  private CapacityTable() {}

  /** A server metric of the step's window (scaled, e.g. ×100 for a share), or "-". */
  private static String server(CapacityStep s, String key, double scale) {
    Double v = s.serverMetrics().get(key);
    return v == null || v.isNaN() ? "-" : Formats.rate(v * scale);
  }

  public static String render(RunResult r) {
    CapacityResult c = r.capacity();
    if (c == null) {
      return StepTable.render(r);
    }
    boolean llm = r.steps().stream().anyMatch(s -> s.latencies().containsKey("ttft"));
    List<String> header = new ArrayList<>(List.of("#", "kind", "offered/s", "ok/s", "good/s",
        "n", "errors", "e2e p50", "p99"));
    if (llm) {
      header.addAll(List.of("ttft p99", "itl p99", "tok/s"));
    }
    boolean queue = c.steps().stream()
        .anyMatch(s -> s.serverMetrics().containsKey(WAITING_MAX));
    boolean kv = c.steps().stream().anyMatch(s -> s.serverMetrics().containsKey(KV_MEAN));
    boolean busy = c.steps().stream().anyMatch(s -> s.serverMetrics().containsKey(BUSY_MEAN));
    if (queue) {
      header.add("queue max");
    }
    if (kv) {
      header.add("kv %");
    }
    if (busy) {
      header.add("gpu busy %");
    }
    header.addAll(List.of("window", "verdict"));
    List<List<String>> rows = new ArrayList<>();
    for (CapacityStep s : c.steps()) {
      StepResult sr = s.resultStep() >= 0 && s.resultStep() < r.steps().size()
          ? r.steps().get(s.resultStep()) : null;
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(s.index() + 1));
      row.add(s.kind());
      row.add(s.offeredRps() == null ? "×" + s.concurrency() : Formats.rate(s.offeredRps()));
      row.add(Formats.rate(s.achievedRps()));
      row.add(Formats.rate(s.goodputRps()));
      row.add(Long.toString(s.scheduled()));
      row.add(sr == null ? "-" : Formats.errors(sr));
      LatencySummary e2e = sr == null ? null : sr.latencies().get("e2e");
      row.add(Formats.millis(e2e, "p50"));
      row.add(Formats.millis(e2e, "p99"));
      if (llm) {
        row.add(Formats.millis(sr == null ? null : sr.latencies().get("ttft"), "p99"));
        row.add(Formats.millis(sr == null ? null : sr.latencies().get("itl"), "p99"));
        row.add(Formats.rate(s.outputTokensPerSec()));
      }
      if (queue) {
        row.add(server(s, WAITING_MAX, 1));
      }
      if (kv) {
        row.add(server(s, KV_MEAN, 100));
      }
      if (busy) {
        row.add(server(s, BUSY_MEAN, 100));
      }
      row.add(String.format(Locale.ROOT, "%.0fs", s.measuredSeconds()));
      row.add(s.verdict());
      rows.add(row);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("capacity curve: latencies in ms from each request's intended send time\n");
    int[] width = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      width[i] = header.get(i).length();
      for (List<String> row : rows) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StepTable.line(sb, header, width);
    for (List<String> row : rows) {
      StepTable.line(sb, row, width);
    }
    for (CapacityStep s : c.steps()) {
      if (!"pass".equals(s.verdict())) {
        sb.append(String.format(Locale.ROOT, "  step %d (%s): %s%n", s.index() + 1, s.verdict(),
            s.reason()));
      }
    }
    sb.append('\n').append(summary(c)).append('\n');
    return sb.toString();
  }

  /** The answer in a few lines: sustainable rate, bracket, point estimate, breach, end. */
  public static String summary(CapacityResult c) {
    StringBuilder sb = new StringBuilder();
    CapacityResult.Sustainable s = c.sustainable();
    if (c.saturationRps() != null) {
      sb.append(String.format(Locale.ROOT, "saturation throughput: %s req/s%n",
          Formats.rate(c.saturationRps())));
    }
    if (s != null && s.rps() != null) {
      sb.append(String.format(Locale.ROOT, "sustainable rate: %s req/s%s%n",
          Formats.rate(s.rps()), s.passConfirmed() ? "" : " (not confirmed at full length)"));
      if (s.lowestFail() != null) {
        sb.append(String.format(Locale.ROOT,
            "bracket: [%s, %s] req/s, width %.1f%% (asked %.1f%%)%s%n",
            Formats.rate(s.highestPass()), Formats.rate(s.lowestFail()),
            100 * s.relativeWidth(), 100 * s.precision(),
            s.failConfirmed() ? "" : "; the fail bound is not confirmed"));
      } else {
        sb.append("bracket: no rate failed up to the highest tried\n");
      }
      if (s.pointEstimate() != null) {
        sb.append(String.format(Locale.ROOT, "point estimate: %s req/s (isotonic fit)%n",
            Formats.rate(s.pointEstimate())));
      }
    } else {
      sb.append("sustainable rate: none found\n");
    }
    CheckResult b = c.firstBreach();
    if (b != null && c.firstFailingStep() != null) {
      sb.append(String.format(Locale.ROOT, "first breach (step %d): %s — observed %s, share over "
              + "%.2f%% vs %.2f%% allowed, n=%d%n",
          c.firstFailingStep() + 1, b.name(),
          b.observedMillis() == null ? "∞" : Formats.rate(b.observedMillis()) + " ms",
          100 * b.share(), 100 * b.allowedShare(), b.n()));
    }
    sb.append("search ended: ").append(c.endReason()).append('\n');
    return sb.toString();
  }
}
