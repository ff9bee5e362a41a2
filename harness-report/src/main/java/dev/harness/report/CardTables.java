package dev.harness.report;

import dev.harness.record.LatencySummary;
import dev.harness.report.Card.Cell;
import dev.harness.report.Card.Table;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of the {@link Card}: every cell with its text for people and, for numbers, the JSON
 * pointer and exact value of what it shows in results.json.
 */
final class CardTables {
  private CardTables() {}

  /** The curve: one row per search step (capacity) or step (plain run). */
  static Table curve(RunResult r, List<CurveRow> rows, boolean llm) {
    boolean capacity = r.capacity() != null;
    List<String> h = new ArrayList<>();
    List<Boolean> num = new ArrayList<>();
    col(h, num, capacity ? "#" : "step", false);
    if (capacity) {
      col(h, num, "kind", false);
    }
    for (String c : List.of("offered/s", "achieved/s")) {
      col(h, num, c, true);
    }
    if (capacity) {
      col(h, num, "goodput/s", true);
    }
    for (String c : List.of("n", "errors", "e2e p50 ms", "e2e p90 ms", "e2e p99 ms")) {
      col(h, num, c, true);
    }
    if (llm) {
      for (String c : List.of("TTFT p99 ms", "ITL p99 ms", "tokens/s")) {
        col(h, num, c, true);
      }
    }
    if (capacity) {
      col(h, num, "window", true);
      col(h, num, "verdict", false);
    }
    List<List<Cell>> cells = new ArrayList<>();
    for (CurveRow row : rows) {
      String sj = row.stepJson();
      String rj = row.rowJson();
      List<Cell> c = new ArrayList<>();
      c.add(Cell.text(row.label()));
      if (capacity) {
        c.add(new Cell(row.kind(), rj + "/kind", row.kind()));
      }
      c.add(row.offeredRps() == null ? Cell.text(row.offeredLabel())
          : number(row.offeredLabel(), rj + "/offeredRps", row.offeredRps()));
      c.add(number(Formats.rate(row.achievedRps()), rj + "/achievedRps", row.achievedRps()));
      if (capacity) {
        c.add(number(Formats.rate(row.goodputRps()), rj + "/goodputRps", row.goodputRps()));
      }
      c.add(new Cell(Long.toString(row.scheduled()), rj + "/scheduled",
          Long.toString(row.scheduled())));
      c.add(row.step() == null ? Cell.text("-")
          : number(Formats.errors(row.step()), sj + "/errorRate", row.step().errorRate()));
      c.add(latency(row, sj, "e2e", "p50"));
      c.add(latency(row, sj, "e2e", "p90"));
      c.add(latency(row, sj, "e2e", "p99"));
      if (llm) {
        c.add(latency(row, sj, "ttft", "p99"));
        c.add(latency(row, sj, "itl", "p99"));
        c.add(row.step() == null ? Cell.text("-") : number(
            Formats.rate(row.step().outputTokensPerSec()), sj + "/outputTokensPerSec",
            row.step().outputTokensPerSec()));
      }
      if (capacity) {
        double secs = r.capacity().steps().get(cells.size()).measuredSeconds();
        c.add(number(String.format(Locale.ROOT, "%.0f s", secs), rj + "/measuredSeconds", secs));
        c.add(new Cell(row.verdict(), rj + "/verdict", row.verdict()));
      }
      cells.add(c);
    }
    return new Table(h, num, cells);
  }

  /** Every entry of results.json {@code steps} (warm-ups included) with all its percentiles. */
  static Table allSteps(RunResult r, boolean llm) {
    List<String> h = new ArrayList<>();
    List<Boolean> num = new ArrayList<>();
    col(h, num, "index", true);
    col(h, num, "step", false);
    for (String c : List.of("offered/s", "achieved/s", "n", "errors", "e2e p50 ms", "e2e p90 ms",
        "e2e p99 ms", "e2e p99.9 ms", "e2e max ms")) {
      col(h, num, c, true);
    }
    if (llm) {
      for (String c : List.of("TTFT p50 ms", "TTFT p99 ms", "ITL p99 ms", "tokens/s")) {
        col(h, num, c, true);
      }
    }
    List<List<Cell>> cells = new ArrayList<>();
    for (int i = 0; i < r.steps().size(); i++) {
      StepResult s = r.steps().get(i);
      String sj = "/steps/" + i;
      CurveRow row = new CurveRow(s.name(), null, s.offeredRps(), 0, s.achievedRps(), null,
          s.scheduled(), s, sj, sj, null, null, Map.of());
      List<Cell> c = new ArrayList<>();
      c.add(number(Integer.toString(s.index()), sj + "/index", (double) s.index()));
      c.add(new Cell(s.name(), sj + "/name", s.name()));
      c.add(number(Formats.rate(s.offeredRps()), sj + "/offeredRps", s.offeredRps()));
      c.add(number(Formats.rate(s.achievedRps()), sj + "/achievedRps", s.achievedRps()));
      c.add(number(Long.toString(s.scheduled()), sj + "/scheduled", (double) s.scheduled()));
      c.add(number(Formats.errors(s), sj + "/errorRate", s.errorRate()));
      for (String p : List.of("p50", "p90", "p99", "p99.9", "max")) {
        c.add(latency(row, sj, "e2e", p));
      }
      if (llm) {
        c.add(latency(row, sj, "ttft", "p50"));
        c.add(latency(row, sj, "ttft", "p99"));
        c.add(latency(row, sj, "itl", "p99"));
        c.add(number(Formats.rate(s.outputTokensPerSec()), sj + "/outputTokensPerSec",
            s.outputTokensPerSec()));
      }
      cells.add(c);
    }
    return new Table(h, num, cells);
  }

  private static void col(List<String> h, List<Boolean> num, String title, boolean numeric) {
    h.add(title);
    num.add(numeric);
  }

  private static Cell number(String text, String json, Double value) {
    return value == null ? Cell.text("-") : new Cell(text, json, Formats.plain(value));
  }

  private static Cell latency(CurveRow row, String stepJson, String metric, String percentile) {
    LatencySummary l = row.latency(metric);
    if (l == null) {
      return Cell.text("-");
    }
    String field = "max".equals(percentile) ? "maxMillis"
        : "p" + percentile.substring(1).replace(".", "") + "Millis";
    return new Cell(Formats.millis(l, percentile),
        stepJson + "/latencies/" + metric + "/" + field, Formats.plain(l.valueMillis(percentile)));
  }
}
