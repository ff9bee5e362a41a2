package dev.harness.report;

import dev.harness.report.Card.Cell;
import dev.harness.report.Card.Fact;
import dev.harness.report.Card.Table;
import dev.harness.report.RecommendRows.Row;
import dev.harness.report.RecommendRows.Unit;
import dev.harness.result.RecommendationResult;
import dev.harness.result.RecommendationResult.Candidate;
import dev.harness.result.RecommendationResult.DecisionSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The recommendation sections of the {@link Card} ({@code harness recommend} results): the
 * declared traffic, the ranked table, the rejected and not-run candidates with their evidence,
 * the decision with its basis and comparisons, the cold-start probes and the decision's notes
 * (the output-length warning among them). Every number carries its JSON pointer in results.json;
 * the texts are those of the console table ({@link RecommendRows}).
 */
final class RecommendCard {
  private static final String DECISION = "/recommendation/decision/";

  private final RecommendationResult rec;
  private final Unit unit;

  RecommendCard(RecommendationResult rec) {
    this.rec = rec;
    this.unit = Unit.of(rec);
  }

  /** The traffic the fleets were sized for, and where the prices come from. */
  List<Fact> traffic() {
    RecommendationResult.TrafficSummary t = rec.traffic();
    List<Fact> f = new ArrayList<>();
    f.add(Fact.of("declared traffic", RecommendRows.traffic(rec, unit)));
    f.add(Fact.num("steady", unit.rate(t.steadyRps()) + " " + unit.label(),
        "/recommendation/traffic/steadyRps", t.steadyRps()));
    f.add(Fact.num("peak", unit.rate(t.peakRps()) + " " + unit.label(),
        "/recommendation/traffic/peakRps", t.peakRps()));
    if (!rec.catalog().files().isEmpty()) {
      f.add(Fact.of("catalog", String.join(", ", rec.catalog().files())));
    }
    return f;
  }

  /** Passing candidates, cheapest fleet first; ties marked "=". */
  Table ranked() {
    boolean ttft = rec.candidates().stream().anyMatch(c -> c.p99TtftMillis() != null);
    List<String> h = new ArrayList<>(List.of("rank", "candidate", "instance type", "$/h",
        unit.label() + "/instance", "bracket", "per copy", "per GPU", "e2e p99 ms"));
    if (ttft) {
      h.add("TTFT p99 ms");
    }
    h.addAll(List.of("steady", "peak", "$/month", "range", "$/1k inf", "$/1M tok"));
    List<Boolean> num = new ArrayList<>();
    for (String title : h) {
      num.add(!List.of("candidate", "instance type", "bracket", "range").contains(title));
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (Row row : RecommendRows.ranked(rec)) {
      Candidate c = row.candidate();
      List<Cell> cells = new ArrayList<>();
      cells.add(cell(RecommendRows.rank(c), row.json("rank"), c.rank() == null ? null
          : (double) c.rank()));
      cells.add(new Cell(RecommendRows.name(c), row.json("name"), c.name()));
      cells.add(new Cell(c.instanceType(), row.json("instanceType"), c.instanceType()));
      cells.add(cell(RecommendRows.pricePerHour(c), row.json("pricePerHour"), c.pricePerHour()));
      RecommendationResult.Range b = c.capacityRps();
      cells.add(cell(b == null ? "-" : unit.rate(b.point()), row.json("capacityRps/point"),
          b == null ? null : b.point()));
      cells.add(Cell.text(b == null ? "-"
          : "[" + unit.rate(b.low()) + ", " + unit.rate(b.high()) + "]"));
      cells.add(cell(RecommendRows.rate(c.perCopyRps(), unit), row.json("perCopyRps"),
          c.perCopyRps()));
      cells.add(cell(RecommendRows.rate(c.perGpuRps(), unit), row.json("perGpuRps"),
          c.perGpuRps()));
      cells.add(cell(RecommendRows.millis(c.p99Millis()), row.json("p99Millis"), c.p99Millis()));
      if (ttft) {
        cells.add(cell(RecommendRows.millis(c.p99TtftMillis()), row.json("p99TtftMillis"),
            c.p99TtftMillis()));
      }
      cells.add(cell(String.valueOf(c.steadyInstances()), row.json("steadyInstances"),
          c.steadyInstances() == null ? null : (double) c.steadyInstances()));
      cells.add(cell(String.valueOf(c.peakInstances()), row.json("peakInstances"),
          c.peakInstances() == null ? null : (double) c.peakInstances()));
      RecommendationResult.Range m = c.monthlyCost();
      cells.add(cell(m == null ? "-" : RecommendRows.money(m.point()),
          row.json("monthlyCost/point"), m == null ? null : m.point()));
      cells.add(Cell.text(m == null ? "-" : RecommendRows.range(m)));
      cells.add(cell(RecommendRows.per1k(c), row.json("costPer1kInferences"),
          c.costPer1kInferences()));
      cells.add(cell(RecommendRows.per1M(c), row.json("costPer1MOutputTokens"),
          c.costPer1MOutputTokens()));
      rows.add(cells);
    }
    return new Table(h, num, rows);
  }

  /** The note under the ranked table: ties, the unit, which p99. */
  List<String> rankedNotes() {
    List<String> notes = new ArrayList<>();
    if (RecommendRows.anyTie(RecommendRows.ranked(rec))) {
      notes.add(RecommendRows.TIE_NOTE);
    }
    notes.add("Capacity per instance: the point estimate and the bracket [highest pass, lowest "
        + "fail] in " + unit.label() + "; p99 at the highest passing rate; instances at steady "
        + "load and at the peak; $/month at the point estimate and over the bracket.");
    return notes;
  }

  /** Rejected candidates (reason and evidence), then those not run (and why). */
  Table rejected() {
    List<List<Cell>> rows = new ArrayList<>();
    for (Row r : RecommendRows.withStatus(rec, "rejected")) {
      Candidate c = r.candidate();
      rows.add(List.of(new Cell(c.name(), r.json("name"), c.name()),
          new Cell(c.instanceType(), r.json("instanceType"), c.instanceType()),
          new Cell(c.rejectionReason(), r.json("rejectionReason"), c.rejectionReason()),
          Cell.text(c.evidence())));
    }
    for (Row r : RecommendRows.withStatus(rec, "not-run")) {
      Candidate c = r.candidate();
      rows.add(List.of(new Cell(c.name(), r.json("name"), c.name()),
          new Cell(c.instanceType(), r.json("instanceType"), c.instanceType()),
          Cell.text("not run"), Cell.text(c.notRunReason())));
    }
    return new Table(List.of("candidate", "instance type", "reason", "evidence"),
        List.of(false, false, false, false), rows);
  }

  /**
   * The decision: what to ship at steady load and at the peak, the autoscaling bounds and their
   * basis, the monthly cost, and the runner-up and the biggest passing candidate against it.
   */
  List<Fact> decision() {
    List<Fact> f = new ArrayList<>();
    DecisionSummary d = rec.decision();
    if (d == null) {
      f.add(Fact.of("decision", RecommendRows.noDecision(rec)));
      return f;
    }
    f.add(Fact.of("decision", RecommendRows.ship(d)));
    f.add(Fact.num("instances at steady load", d.steadyInstances() + " × " + d.instanceType(),
        DECISION + "steadyInstances", d.steadyInstances()));
    f.add(Fact.num("instances at the peak", d.peakInstances() + " × " + d.instanceType(),
        DECISION + "peakInstances", d.peakInstances()));
    f.add(Fact.num("autoscaling minimum", Integer.toString(d.autoscalingMin()),
        DECISION + "autoscalingMin", d.autoscalingMin()));
    f.add(Fact.num("autoscaling maximum", Integer.toString(d.autoscalingMax()),
        DECISION + "autoscalingMax", d.autoscalingMax()));
    f.add(Fact.of("basis", RecommendRows.basis(d, unit)));
    f.add(Fact.num("monthly cost", "$" + RecommendRows.money(d.monthlyCost()),
        DECISION + "monthlyCost", d.monthlyCost()));
    if (d.runnerUp() != null) {
      f.add(Fact.num("runner-up", RecommendRows.versus(d.runnerUp()),
          DECISION + "runnerUp/deltaMonthly", d.runnerUp().deltaMonthly()));
    }
    if (RecommendRows.biggestApart(d) != null) {
      f.add(Fact.num("biggest passing", RecommendRows.versus(d.biggest()),
          DECISION + "biggest/deltaMonthly", d.biggest().deltaMonthly()));
    }
    return f;
  }

  /** The decision's notes (output lengths differ, tie at the top, catalog warnings). */
  List<String> notes() {
    return rec.warnings();
  }

  /** One row per cold-start probe; empty when no candidate had one. */
  Table coldStarts() {
    List<List<Cell>> rows = new ArrayList<>();
    for (int i = 0; i < rec.candidates().size(); i++) {
      Candidate c = rec.candidates().get(i);
      if (c.coldStart() == null) {
        continue;
      }
      Row r = new Row(c, i);
      Double ms = c.coldStart().healthyToFirstSuccessMillis();
      rows.add(List.of(new Cell(c.name(), r.json("name"), c.name()),
          cell(RecommendRows.firstSuccess(c.coldStart()),
              r.json("coldStart/healthyToFirstSuccessMillis"), ms),
          Cell.text(RecommendRows.firstLatencies(c.coldStart()))));
    }
    return new Table(List.of("candidate", "first success", "first requests (sent together)"),
        List.of(false, true, false), rows);
  }

  private static Cell cell(String text, String json, Double value) {
    return value == null ? Cell.text(text) : new Cell(text, json, Formats.plain(value));
  }
}
