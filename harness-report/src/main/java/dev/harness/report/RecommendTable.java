package dev.harness.report;

import dev.harness.report.RecommendRows.Row;
import dev.harness.report.RecommendRows.Unit;
import dev.harness.result.RecommendationResult;
import dev.harness.result.RecommendationResult.Candidate;
import dev.harness.result.RecommendationResult.ColdStart;
import dev.harness.result.RecommendationResult.DecisionSummary;
import dev.harness.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code harness recommend} prints at the end, read from results.json only: the declared
 * traffic, the ranked table (rank with "=" for ties, instances steady / peak, monthly cost with its
 * range, $ per 1,000 inferences and per 1M output tokens, capacity per instance with its bracket,
 * per copy and per GPU, p99, the server-side utilisation there), the rejected candidates with their evidence, those not run, the
 * cold-start probes, and the decision in the words of a design review ("Ship g5.2xlarge × 2 (N+1
 * at steady load), autoscale to 3–4 ..."). Rates are shown per minute when every capacity is
 * below 10 requests/s, else per second. The figures read as in {@code summary.md} and {@code
 * report.html}: {@link RecommendRows} formats them for all three.
 */
public final class RecommendTable {
  private RecommendTable() {}

  /** The text for {@code r}; a result without a recommendation renders as its steps. */
  public static String render(RunResult r) {
    RecommendationResult rec = r.recommendation();
    if (rec == null) {
      return CapacityTable.render(r);
    }
    Unit unit = Unit.of(rec);
    StringBuilder sb = new StringBuilder();
    sb.append("recommendation for ").append(RecommendRows.traffic(rec, unit)).append("\n\n");
    ranked(sb, rec, unit);
    rejected(sb, rec);
    notRun(sb, rec);
    coldStarts(sb, rec);
    sb.append('\n').append(decision(rec, unit)).append('\n');
    for (String w : rec.warnings()) {
      sb.append("note: ").append(w).append('\n');
    }
    return sb.toString();
  }

  private static void ranked(StringBuilder sb, RecommendationResult rec, Unit u) {
    List<Row> ranked = RecommendRows.ranked(rec);
    if (ranked.isEmpty()) {
      sb.append("no candidate passed\n");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("rank", "candidate", "$/h", "instances", "$/month (range)", "$/1k inf",
        "$/1M tok", u.label() + "/instance [bracket]", "per copy", "per GPU", "p99 ms",
        "utilisation"));
    for (Row row : ranked) {
      Candidate c = row.candidate();
      rows.add(List.of(
          RecommendRows.rank(c),
          RecommendRows.name(c),
          RecommendRows.pricePerHour(c),
          RecommendRows.instances(c),
          RecommendRows.monthlyWithRange(c),
          RecommendRows.per1k(c),
          RecommendRows.per1M(c),
          RecommendRows.capacity(c, u),
          RecommendRows.rate(c.perCopyRps(), u),
          RecommendRows.rate(c.perGpuRps(), u),
          RecommendRows.millis(c.p99Millis()),
          RecommendRows.utilisation(c)));
    }
    table(sb, rows);
    if (RecommendRows.anyTie(ranked)) {
      sb.append(RecommendRows.TIE_NOTE).append('\n');
    }
  }

  private static void rejected(StringBuilder sb, RecommendationResult rec) {
    List<List<String>> rows = new ArrayList<>();
    for (Row r : RecommendRows.withStatus(rec, "rejected")) {
      Candidate c = r.candidate();
      rows.add(List.of(c.name(), c.rejectionReason(), c.evidence()));
    }
    if (!rows.isEmpty()) {
      sb.append("\nrejected:\n");
      for (List<String> row : rows) {
        sb.append(String.format(Locale.ROOT, "  %-" + width(rows, 0) + "s  %-" + width(rows, 1)
            + "s  %s%n", row.get(0), row.get(1), row.get(2)));
      }
    }
  }

  private static void notRun(StringBuilder sb, RecommendationResult rec) {
    for (Row r : RecommendRows.withStatus(rec, "not-run")) {
      sb.append("not run: ").append(r.candidate().name()).append(" — ")
          .append(r.candidate().notRunReason()).append('\n');
    }
  }

  private static void coldStarts(StringBuilder sb, RecommendationResult rec) {
    boolean any = false;
    for (Candidate c : rec.candidates()) {
      ColdStart cs = c.coldStart();
      if (cs == null) {
        continue;
      }
      if (!any) {
        sb.append("\ncold start (first requests sent together once healthy):\n");
        any = true;
      }
      sb.append("  ").append(c.name()).append(": first success ")
          .append(RecommendRows.firstSuccess(cs)).append("; first ")
          .append(cs.firstLatenciesMillis().size()).append(": ")
          .append(RecommendRows.firstLatencies(cs)).append('\n');
    }
  }

  /** The decision paragraph, or why there is none. */
  private static String decision(RecommendationResult rec, Unit u) {
    DecisionSummary d = rec.decision();
    if (d == null) {
      return RecommendRows.noDecision(rec);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(RecommendRows.ship(d));
    sb.append("\nBasis: ").append(RecommendRows.basis(d, u));
    if (d.runnerUp() != null) {
      sb.append("\nRunner-up ").append(RecommendRows.versus(d.runnerUp())).append('.');
    }
    if (RecommendRows.biggestApart(d) != null) {
      sb.append("\nBiggest passing ").append(RecommendRows.versus(d.biggest())).append('.');
    }
    return sb.toString();
  }

  private static void table(StringBuilder sb, List<List<String>> rows) {
    int[] w = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        w[c] = Math.max(w[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String v = row.get(c);
        String pad = " ".repeat(w[c] - v.length());
        line.append(c == 0 ? "" : "  ").append(c <= 1 ? v + pad : pad + v);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static int width(List<List<String>> rows, int column) {
    return rows.stream().mapToInt(r -> r.get(column).length()).max().orElse(1);
  }
}
