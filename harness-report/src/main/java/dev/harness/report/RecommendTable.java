package dev.harness.report;

import dev.harness.result.RecommendationResult;
import dev.harness.result.RecommendationResult.Candidate;
import dev.harness.result.RecommendationResult.ColdStart;
import dev.harness.result.RecommendationResult.DecisionSummary;
import dev.harness.result.RecommendationResult.Range;
import dev.harness.result.RecommendationResult.Versus;
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
 * below 10 requests/s, else per second.
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
    sb.append(traffic(rec, unit)).append("\n\n");
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

  /** Requests per second or per minute, whichever reads better for these capacities. */
  private record Unit(double perSecond, String label) {
    static Unit of(RecommendationResult rec) {
      double max = rec.candidates().stream().filter(c -> c.capacityRps() != null)
          .mapToDouble(c -> c.capacityRps().high()).max().orElse(0);
      max = Math.max(max, rec.traffic().peakRps());
      return max < 10 ? new Unit(60, "req/min") : new Unit(1, "req/s");
    }

    String rate(double rps) {
      double v = rps * perSecond;
      return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
  }

  private static String traffic(RecommendationResult rec, Unit u) {
    RecommendationResult.TrafficSummary t = rec.traffic();
    return String.format(Locale.ROOT, "recommendation for %s steady, %s at the peak (%s h a day),"
            + " growth ×%.2f, N+%d, at least %d instance%s; %s prices%s", u.rate(t.steadyRps()) + " "
            + u.label(), u.rate(t.peakRps()) + " " + u.label(), trim(t.peakHoursPerDay()),
        t.growth(), t.redundancy(), t.minInstances(), t.minInstances() == 1 ? "" : "s",
        rec.platform(), rec.catalog().region() == null ? "" : " (" + rec.catalog().region() + ")");
  }

  private static void ranked(StringBuilder sb, RecommendationResult rec, Unit u) {
    List<Candidate> ranked = new ArrayList<>();
    for (String name : rec.ranking()) {
      rec.candidates().stream().filter(c -> c.name().equals(name)).findFirst()
          .ifPresent(ranked::add);
    }
    if (ranked.isEmpty()) {
      sb.append("no candidate passed\n");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("rank", "candidate", "$/h", "instances", "$/month (range)", "$/1k inf",
        "$/1M tok", u.label() + "/instance [bracket]", "per copy", "per GPU", "p99 ms",
        "utilisation"));
    for (Candidate c : ranked) {
      Range b = c.capacityRps();
      Range m = c.monthlyCost();
      rows.add(List.of(
          (c.tiedWith().isEmpty() ? "" : "=") + c.rank(),
          c.name() + (c.copiesPerInstance() > 1 ? " ×" + c.copiesPerInstance() + " copies" : ""),
          String.format(Locale.ROOT, "%.3f", c.pricePerHour()),
          c.steadyInstances() + " / " + c.peakInstances(),
          m == null ? "-" : money(m.point()) + " (" + money(m.low()) + "–" + money(m.high()) + ")",
          c.costPer1kInferences() == null ? "-"
              : String.format(Locale.ROOT, "%.4f", c.costPer1kInferences()),
          c.costPer1MOutputTokens() == null ? "-"
              : String.format(Locale.ROOT, "%.2f", c.costPer1MOutputTokens()),
          b == null ? "-" : u.rate(b.point()) + " [" + u.rate(b.low()) + ", " + u.rate(b.high())
              + "]",
          c.perCopyRps() == null ? "-" : u.rate(c.perCopyRps()),
          c.perGpuRps() == null ? "-" : u.rate(c.perGpuRps()),
          c.p99Millis() == null ? "-" : String.format(Locale.ROOT, "%,.0f", c.p99Millis()),
          c.serverUtilisation() == null ? "-"
              : String.format(Locale.ROOT, "%.0f %%", 100 * c.serverUtilisation())));
    }
    table(sb, rows);
    if (ranked.stream().anyMatch(c -> !c.tiedWith().isEmpty())) {
      sb.append("= tie: the monthly cost ranges overlap, so this measurement cannot tell them "
          + "apart\n");
    }
  }

  private static void rejected(StringBuilder sb, RecommendationResult rec) {
    List<List<String>> rows = new ArrayList<>();
    for (Candidate c : rec.candidates()) {
      if ("rejected".equals(c.status())) {
        rows.add(List.of(c.name(), c.rejectionReason(), c.evidence()));
      }
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
    for (Candidate c : rec.candidates()) {
      if ("not-run".equals(c.status())) {
        sb.append("not run: ").append(c.name()).append(" — ").append(c.notRunReason())
            .append('\n');
      }
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
      List<String> each = new ArrayList<>();
      for (Double ms : cs.firstLatenciesMillis()) {
        each.add(ms == null ? "failed" : seconds(ms));
      }
      sb.append("  ").append(c.name()).append(": first success ")
          .append(cs.healthyToFirstSuccessMillis() == null ? "none"
              : seconds(cs.healthyToFirstSuccessMillis()) + " after healthy")
          .append("; first ").append(each.size()).append(": ").append(String.join(", ", each))
          .append('\n');
    }
  }

  /** The decision paragraph, or why there is none. */
  private static String decision(RecommendationResult rec, Unit u) {
    DecisionSummary d = rec.decision();
    if (d == null) {
      String s = "No candidate passed: nothing to ship.";
      if (rec.nothingFits()) {
        s += " Every candidate was rejected because the model does not fit: quantise it or "
            + "choose a smaller model; a bigger benchmark will not help.";
      }
      return s;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Ship %s × %d (%s at steady load), ", d.chosen(),
        d.steadyInstances(), d.redundancy() == 0 ? "no spare" : "N+" + d.redundancy()));
    if (d.autoscalingMax() > d.peakInstances()) {
      sb.append(String.format(Locale.ROOT, "autoscale to %d–%d for the peak and growth",
          d.peakInstances(), d.autoscalingMax()));
    } else if (d.peakInstances() > d.steadyInstances()) {
      sb.append(String.format(Locale.ROOT, "autoscale to %d at the peak", d.peakInstances()));
    } else {
      sb.append("no autoscaling needed");
    }
    sb.append(String.format(Locale.ROOT, ": $%s a month.", money(d.monthlyCost())));
    sb.append(String.format(Locale.ROOT, "%nBasis: N+%d, burst factor %s, growth ×%.2f; "
            + "minimum sized at %s %s per instance (point estimate), maximum at %s (the "
            + "bracket's low end).", d.redundancy(),
        d.burstFactor() == null ? "-" : String.format(Locale.ROOT, "%.2f", d.burstFactor()),
        d.growth(), u.rate(d.minSizedAtRps()), u.label(), u.rate(d.maxSizedAtRps())));
    if (d.runnerUp() != null) {
      sb.append('\n').append(versus("Runner-up", d.runnerUp()));
    }
    if (d.biggest() != null && (d.runnerUp() == null
        || !d.biggest().candidate().equals(d.runnerUp().candidate()))) {
      sb.append('\n').append(versus("Biggest passing", d.biggest()));
    }
    return sb.toString();
  }

  private static String versus(String what, Versus v) {
    return String.format(Locale.ROOT, "%s %s × %d–%d: %s$%s a month (%+.1f %%)%s.", what,
        v.candidate(), v.steadyInstances(), v.peakInstances(), v.deltaMonthly() < 0 ? "-" : "+",
        money(Math.abs(v.deltaMonthly())), v.deltaPercent(),
        v.tied() ? ", a tie within the measurement's uncertainty" : "");
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

  private static String money(double dollars) {
    return String.format(Locale.ROOT, "%,.0f", dollars);
  }

  private static String seconds(double ms) {
    return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000)
        : String.format(Locale.ROOT, "%.0f ms", ms);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
