package dev.harness.report;

import dev.harness.result.RecommendationResult;
import dev.harness.result.RecommendationResult.Candidate;
import dev.harness.result.RecommendationResult.DecisionSummary;
import dev.harness.result.RecommendationResult.Range;
import dev.harness.result.RecommendationResult.Versus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every rendering of a recommendation shares — the console table ({@link RecommendTable}),
 * {@code summary.md} and {@code report.html} (through {@link RecommendCard}) and the cost chart:
 * the candidates in ranking order with their place in results.json, the rate unit, and the text
 * of each figure. One place decides how a figure reads, so the three agree.
 */
final class RecommendRows {
  private RecommendRows() {}

  /**
   * A candidate and its index in results.json {@code recommendation.candidates}.
   *
   * @param candidate the candidate
   * @param index its index in {@code candidates}
   */
  record Row(Candidate candidate, int index) {
    /** JSON pointer of the candidate's field {@code field}, e.g. "monthlyCost/point". */
    String json(String field) {
      return "/recommendation/candidates/" + index + "/" + field;
    }
  }

  /**
   * Requests per second or per minute, whichever reads better for these capacities: per minute
   * when every capacity and the peak are below 10 requests/s.
   *
   * @param perSecond factor from requests/s to the unit
   * @param label "req/s" or "req/min"
   */
  record Unit(double perSecond, String label) {
    static Unit of(RecommendationResult rec) {
      double max = rec.candidates().stream().filter(c -> c.capacityRps() != null)
          .mapToDouble(c -> c.capacityRps().high()).max().orElse(0);
      max = Math.max(max, rec.traffic().peakRps());
      return max < 10 ? new Unit(60, "req/min") : new Unit(1, "req/s");
    }

    /** A rate in this unit: no decimals from 100 up (grouped), one from 10, else two. */
    String rate(double rps) {
      double v = rps * perSecond;
      return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
  }

  /** The passing candidates in ranking order (cheapest fleet first). */
  static List<Row> ranked(RecommendationResult rec) {
    List<Row> rows = new ArrayList<>();
    for (String name : rec.ranking()) {
      for (int i = 0; i < rec.candidates().size(); i++) {
        if (rec.candidates().get(i).name().equals(name)) {
          rows.add(new Row(rec.candidates().get(i), i));
          break;
        }
      }
    }
    return rows;
  }

  /** The candidates with {@code status} ("rejected", "not-run"), in plan order. */
  static List<Row> withStatus(RecommendationResult rec, String status) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < rec.candidates().size(); i++) {
      if (status.equals(rec.candidates().get(i).status())) {
        rows.add(new Row(rec.candidates().get(i), i));
      }
    }
    return rows;
  }

  /** True when some ranked candidate shares its rank. */
  static boolean anyTie(List<Row> ranked) {
    return ranked.stream().anyMatch(r -> !r.candidate().tiedWith().isEmpty());
  }

  /** The note under a table with ties. */
  static final String TIE_NOTE =
      "= tie: the monthly cost ranges overlap, so this measurement cannot tell them apart";

  /** "1", or "=2" for a rank shared with another candidate. */
  static String rank(Candidate c) {
    return (c.tiedWith().isEmpty() ? "" : "=") + c.rank();
  }

  /** The name, with "×N copies" when it runs several copies per instance. */
  static String name(Candidate c) {
    return c.name() + (c.copiesPerInstance() > 1 ? " ×" + c.copiesPerInstance() + " copies" : "");
  }

  static String pricePerHour(Candidate c) {
    return String.format(Locale.ROOT, "%.3f", c.pricePerHour());
  }

  /** "2,948 (2,848–3,048)": the monthly cost at the point estimate and over the bracket. */
  static String monthlyWithRange(Candidate c) {
    Range m = c.monthlyCost();
    return m == null ? "-" : money(m.point()) + " (" + range(m) + ")";
  }

  /** "2,848–3,048": the monthly cost over the bracket. */
  static String range(Range m) {
    return money(m.low()) + "–" + money(m.high());
  }

  static String per1k(Candidate c) {
    return c.costPer1kInferences() == null ? "-"
        : String.format(Locale.ROOT, "%.4f", c.costPer1kInferences());
  }

  static String per1M(Candidate c) {
    return c.costPer1MOutputTokens() == null ? "-"
        : String.format(Locale.ROOT, "%.2f", c.costPer1MOutputTokens());
  }

  /** "140 [130, 150]": capacity per instance and its bracket, in {@code u}. */
  static String capacity(Candidate c, Unit u) {
    Range b = c.capacityRps();
    return b == null ? "-"
        : u.rate(b.point()) + " [" + u.rate(b.low()) + ", " + u.rate(b.high()) + "]";
  }

  static String rate(Double rps, Unit u) {
    return rps == null ? "-" : u.rate(rps);
  }

  /** A latency in ms, grouped, no decimals: "1,340". */
  static String millis(Double ms) {
    return ms == null ? "-" : String.format(Locale.ROOT, "%,.0f", ms);
  }

  /** The server's busy share at the highest passing rate, e.g. "72 %", or "-". */
  static String utilisation(Candidate c) {
    return c.serverUtilisation() == null ? "-"
        : String.format(Locale.ROOT, "%.0f %%", 100 * c.serverUtilisation());
  }

  /** "2 / 3": instances at steady load and at the peak. */
  static String instances(Candidate c) {
    return c.steadyInstances() + " / " + c.peakInstances();
  }

  /** Dollars, no cents, grouped: "2,948". */
  static String money(double dollars) {
    return String.format(Locale.ROOT, "%,.0f", dollars);
  }

  /** "1.3 s" from a second up, else "870 ms". */
  static String seconds(double ms) {
    return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000)
        : String.format(Locale.ROOT, "%.0f ms", ms);
  }

  /** The declared traffic in one line. */
  static String traffic(RecommendationResult rec, Unit u) {
    RecommendationResult.TrafficSummary t = rec.traffic();
    return String.format(Locale.ROOT, "%s steady, %s at the peak (%s h a day), growth ×%.2f, "
            + "N+%d, at least %d instance%s; %s prices%s",
        u.rate(t.steadyRps()) + " " + u.label(), u.rate(t.peakRps()) + " " + u.label(),
        trim(t.peakHoursPerDay()), t.growth(), t.redundancy(), t.minInstances(),
        t.minInstances() == 1 ? "" : "s", rec.platform(),
        rec.catalog().region() == null ? "" : " (" + rec.catalog().region() + ")");
  }

  /** "Ship g5.2xlarge × 2 (N+1 at steady load), autoscale to 3–4 …: $2,948 a month." */
  static String ship(DecisionSummary d) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Ship %s × %d (%s at steady load), ", d.chosen(),
        d.steadyInstances(), d.redundancy() == 0 ? "no spare" : "N+" + d.redundancy()));
    sb.append(autoscaling(d));
    sb.append(String.format(Locale.ROOT, ": $%s a month.", money(d.monthlyCost())));
    return sb.toString();
  }

  /** "autoscale to 3–4 for the peak and growth", "autoscale to 3 at the peak", or none needed. */
  static String autoscaling(DecisionSummary d) {
    if (d.autoscalingMax() > d.peakInstances()) {
      return String.format(Locale.ROOT, "autoscale to %d–%d for the peak and growth",
          d.peakInstances(), d.autoscalingMax());
    }
    if (d.peakInstances() > d.steadyInstances()) {
      return String.format(Locale.ROOT, "autoscale to %d at the peak", d.peakInstances());
    }
    return "no autoscaling needed";
  }

  /** "N+1, burst factor 3.13, growth ×1.30; minimum sized at … (the bracket's low end)." */
  static String basis(DecisionSummary d, Unit u) {
    return String.format(Locale.ROOT, "N+%d, burst factor %s, growth ×%.2f; minimum sized at %s"
            + " %s per instance (point estimate), maximum at %s (the bracket's low end).",
        d.redundancy(),
        d.burstFactor() == null ? "-" : String.format(Locale.ROOT, "%.2f", d.burstFactor()),
        d.growth(), u.rate(d.minSizedAtRps()), u.label(), u.rate(d.maxSizedAtRps()));
  }

  /** "g5.4xlarge × 2–3: +$508 a month (+17.2 %)", and whether it is a tie. */
  static String versus(Versus v) {
    return String.format(Locale.ROOT, "%s × %d–%d: %s$%s a month (%+.1f %%)%s", v.candidate(),
        v.steadyInstances(), v.peakInstances(), v.deltaMonthly() < 0 ? "-" : "+",
        money(Math.abs(v.deltaMonthly())), v.deltaPercent(),
        v.tied() ? ", a tie within the measurement's uncertainty" : "");
  }

  /** The biggest passing candidate when it is worth a line of its own (not the runner-up). */
  static Versus biggestApart(DecisionSummary d) {
    return d.biggest() != null && (d.runnerUp() == null
        || !d.biggest().candidate().equals(d.runnerUp().candidate())) ? d.biggest() : null;
  }

  /** Why there is no decision. */
  static String noDecision(RecommendationResult rec) {
    String s = "No candidate passed: nothing to ship.";
    if (rec.nothingFits()) {
      s += " Every candidate was rejected because the model does not fit: quantise it or "
          + "choose a smaller model; a bigger benchmark will not help.";
    }
    return s;
  }

  /** "first success 1.3 s after healthy" or "first success none". */
  static String firstSuccess(RecommendationResult.ColdStart cs) {
    return cs.healthyToFirstSuccessMillis() == null ? "none"
        : seconds(cs.healthyToFirstSuccessMillis()) + " after healthy";
  }

  /** "870 ms, 910 ms, failed": each first request's latency. */
  static String firstLatencies(RecommendationResult.ColdStart cs) {
    List<String> each = new ArrayList<>();
    for (Double ms : cs.firstLatenciesMillis()) {
      each.add(ms == null ? "failed" : seconds(ms));
    }
    return String.join(", ", each);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
