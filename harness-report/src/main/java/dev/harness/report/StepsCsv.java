package dev.harness.report;

import dev.harness.record.LatencySummary;
import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code steps.csv}: one row per entry of results.json {@code steps} (warm-ups of a capacity run
 * included), for spreadsheets and scripts. The columns are fixed — the same for every run, empty
 * where a value does not apply — and documented in docs/reports.md. Numbers carry every digit
 * results.json holds, with "." as the decimal separator and no grouping whatever the locale.
 * Fields are quoted as RFC 4180 asks (only when they hold a comma, a quote or a line break);
 * lines end with LF.
 */
final class StepsCsv implements ReportWriter {
  static final String FILE = "steps.csv";

  /** Latency metrics with a column group each, in this order. */
  static final List<String> METRICS = List.of("e2e", "ttft", "itl");

  private static final List<String> PERCENTILES =
      List.of("p50", "p90", "p95", "p99", "p99.9", "max");

  @Override
  public String name() {
    return FILE;
  }

  @Override
  public List<Path> write(RunResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    Files.writeString(file, render(result), StandardCharsets.UTF_8);
    return List.of(file);
  }

  /** The column names, in order. */
  static List<String> header() {
    List<String> h = new ArrayList<>(List.of("index", "name", "phase", "kind", "capacity_index",
        "start_s", "duration_s", "offered_rps", "start_rps", "end_rps", "scheduled", "succeeded",
        "errors", "error_rate", "achieved_rps", "goodput_rps", "verdict"));
    for (String m : METRICS) {
      String p = m.replace('-', '_') + "_";
      h.add(p + "n");
      h.add(p + "mean_ms");
      for (String q : PERCENTILES) {
        h.add(p + q.replace(".", "") + "_ms");
      }
    }
    h.addAll(List.of("e2e_p99_ci_low_ms", "e2e_p99_ci_high_ms", "schedule_lag_p99_ms",
        "output_tokens", "output_tokens_per_s"));
    return h;
  }

  static String render(RunResult r) {
    Map<Integer, CapacityStep> measured = new HashMap<>();
    Map<Integer, CapacityStep> warmups = new HashMap<>();
    if (r.capacity() != null) {
      for (CapacityStep c : r.capacity().steps()) {
        measured.put(c.resultStep(), c);
        if (c.warmupStep() != null) {
          warmups.put(c.warmupStep(), c);
        }
      }
    }
    StringBuilder csv = new StringBuilder();
    line(csv, header());
    for (StepResult s : r.steps()) {
      CapacityStep c = measured.get(s.index());
      CapacityStep w = warmups.get(s.index());
      List<String> f = new ArrayList<>();
      f.add(Integer.toString(s.index()));
      f.add(s.name());
      f.add(s.phase());
      f.add(c != null ? c.kind() : w != null ? "warmup" : r.capacity() != null ? "" : "step");
      f.add(c != null ? Integer.toString(c.index()) : w != null ? Integer.toString(w.index()) : "");
      f.add(num(s.startOffsetSeconds()));
      f.add(num(s.durationSeconds()));
      f.add(num(s.offeredRps()));
      f.add(num(s.startRps()));
      f.add(num(s.endRps()));
      f.add(Long.toString(s.scheduled()));
      long ok = s.outcomes().getOrDefault("success", 0L);
      f.add(Long.toString(ok));
      f.add(Long.toString(s.scheduled() - ok));
      f.add(num(s.errorRate()));
      f.add(num(s.achievedRps()));
      f.add(c == null ? "" : num(c.goodputRps()));
      f.add(c == null ? "" : c.verdict());
      for (String m : METRICS) {
        LatencySummary l = s.latencies().get(m);
        boolean has = l != null && l.n() > 0;
        f.add(has ? Long.toString(l.n()) : "");
        f.add(has ? num(l.meanMillis()) : "");
        for (String q : PERCENTILES) {
          f.add(has ? num(l.valueMillis(q)) : "");
        }
      }
      List<Double> ci = c == null ? null
          : c.percentileIntervals().getOrDefault("e2e", Map.of()).get("p99");
      boolean hasCi = ci != null && ci.size() == 2;
      f.add(hasCi ? Formats.plain(ci.get(0)) : "");
      f.add(hasCi ? Formats.plain(ci.get(1)) : "");
      LatencySummary lag = s.latencies().get("schedule-lag");
      f.add(lag != null && lag.n() > 0 ? num(lag.p99Millis()) : "");
      f.add(Long.toString(s.outputTokens()));
      f.add(num(s.outputTokensPerSec()));
      line(csv, f);
    }
    return csv.toString();
  }

  private static String num(double v) {
    return Formats.plain(v);
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(quote(fields.get(i)));
    }
    csv.append('\n');
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
  static String quote(String field) {
    if (field == null) {
      return "";
    }
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
