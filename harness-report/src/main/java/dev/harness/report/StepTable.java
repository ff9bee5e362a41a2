package dev.harness.report;

import dev.harness.record.LatencySummary;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-step table printed after a run: offered and achieved rate, outcomes, end-to-end
 * percentiles and, for LLM targets, TTFT, ITL and output tokens per second. Percentiles that fall
 * among censored (timed-out) requests print as "≥ timeout".
 */
public final class StepTable {
  private StepTable() {}

  public static String render(RunResult r) {
    boolean llm = r.steps().stream().anyMatch(s -> s.latencies().containsKey("ttft"));
    List<String> header =
        new ArrayList<>(
            List.of(
                "step", "offered/s", "sched", "ok/s", "errors", "e2e p50", "p90", "p99", "p99.9",
                "max"));
    if (llm) {
      header.addAll(List.of("ttft p50", "ttft p99", "itl p99", "tok/s"));
    }
    List<List<String>> rows = new ArrayList<>();
    for (StepResult s : r.steps()) {
      List<String> row = new ArrayList<>();
      row.add(s.name());
      row.add(Formats.rate(s.offeredRps()));
      row.add(Long.toString(s.scheduled()));
      row.add(Formats.rate(s.achievedRps()));
      row.add(Formats.errors(s));
      LatencySummary e2e = s.latencies().get("e2e");
      for (String p : List.of("p50", "p90", "p99", "p99.9", "max")) {
        row.add(Formats.millis(e2e, p));
      }
      if (llm) {
        row.add(Formats.millis(s.latencies().get("ttft"), "p50"));
        row.add(Formats.millis(s.latencies().get("ttft"), "p99"));
        row.add(Formats.millis(s.latencies().get("itl"), "p99"));
        row.add(Formats.rate(s.outputTokensPerSec()));
      }
      rows.add(row);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("latencies in ms from each request's intended send time\n");
    int[] width = new int[header.size()];
    for (int c = 0; c < header.size(); c++) {
      width[c] = header.get(c).length();
      for (List<String> row : rows) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    line(sb, header, width);
    for (List<String> row : rows) {
      line(sb, row, width);
    }
    if (!r.totals().outcomes().isEmpty()
        && r.totals().outcomes().size() > (r.totals().outcomes().containsKey("success") ? 1 : 0)) {
      sb.append("outcomes: ").append(r.totals().outcomes()).append('\n');
    }
    return sb.toString();
  }

  static void line(StringBuilder sb, List<String> cells, int[] width) {
    for (int c = 0; c < cells.size(); c++) {
      String v = cells.get(c);
      if (c == 0) {
        sb.append(v).append(" ".repeat(width[c] - v.length()));
      } else {
        sb.append("  ").append(" ".repeat(width[c] - v.length())).append(v);
      }
    }
    sb.append('\n');
  }

}
