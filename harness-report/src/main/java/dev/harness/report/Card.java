package dev.harness.report;

import dev.harness.report.rejudge.Rejudge;
import dev.harness.result.CapacityResult;
import dev.harness.result.CheckResult;
import dev.harness.result.GeneratorSummary;
import dev.harness.result.PayloadSummary;
import dev.harness.result.PlanSummary;
import dev.harness.result.RunResult;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the capacity card says, independent of markup: {@link MarkdownSummary} and {@link
 * HtmlReport} render the same sections from it, so both hold the same numbers. A section that
 * does not apply to a run is empty and left out by the renderers (no placeholders).
 */
final class Card {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /**
   * One labelled value.
   *
   * @param label what it is
   * @param text the value for people
   * @param json JSON pointer of the number in results.json it shows, or null
   * @param value that number exactly ({@link Formats#plain}), or null
   */
  record Fact(String label, String text, String json, String value) {
    static Fact of(String label, String text) {
      return new Fact(label, text, null, null);
    }

    static Fact num(String label, String text, String json, double value) {
      return new Fact(label, text, json, Formats.plain(value));
    }
  }

  /**
   * One table cell.
   *
   * @param text the value for people (rounded)
   * @param json JSON pointer of the value in results.json, or null
   * @param value the exact value ({@link Formats#plain} for numbers), or null
   */
  record Cell(String text, String json, String value) {
    static Cell text(String text) {
      return new Cell(text, null, null);
    }
  }

  /**
   * A table: headers, which columns are numeric (right-aligned) and rows of cells.
   *
   * @param headers column titles
   * @param numeric per column: right-aligned
   * @param rows cells, one list per row
   */
  record Table(List<String> headers, List<Boolean> numeric, List<List<Cell>> rows) {}

  private final RunResult r;
  private final List<CurveRow> rows;
  private final boolean llm;

  Card(RunResult r) {
    this.r = r;
    this.rows = CurveRow.of(r);
    this.llm = CurveRow.llm(rows);
  }

  RunResult result() {
    return r;
  }

  boolean capacity() {
    return r.capacity() != null;
  }

  /** The recommendation sections ({@code harness recommend} results), or null. */
  RecommendCard recommend() {
    return r.recommendation() == null ? null : new RecommendCard(r.recommendation());
  }

  /** True when the run has steps to tabulate (a recommend run's are in its candidates' dirs). */
  boolean hasSteps() {
    return r.recommendation() == null || !r.steps().isEmpty();
  }

  String title() {
    return r.plan().name() + (capacity() ? " — capacity card"
        : r.recommendation() != null ? " — recommendation" : " — run summary");
  }

  /**
   * Run id, kind, dates, seed, versions; the stop reason when it stopped early; first, when the
   * verdicts were judged again with another SLO ({@code harness report --slo}), which.
   */
  List<Fact> run() {
    List<Fact> f = new ArrayList<>();
    for (String w : r.warnings()) {
      if (w.startsWith(Rejudge.NOTE_PREFIX)) {
        f.add(Fact.of("re-judged", w));
      }
    }
    f.add(Fact.of("run", r.runId()));
    f.add(Fact.of("kind", capacity() ? "capacity search (" + r.capacity().strategy() + ")"
        : r.recommendation() != null ? "recommendation ("
            + r.recommendation().candidates().size() + " candidates, each searched in "
            + "candidates/<name>/)" : "fixed phases"));
    if (r.startedAt() != null) {
      f.add(Fact.of("started", DATE.format(r.startedAt())));
    }
    f.add(Fact.of("duration", duration()));
    f.add(Fact.num("seed", Long.toString(r.seed()), "/seed", r.seed()));
    String harness = r.versions().get("harness");
    if (harness != null) {
      f.add(Fact.of("harness", harness));
    }
    if (r.interrupted()) {
      f.add(Fact.of("stopped early", r.stopReason() == null ? "yes" : r.stopReason()));
    }
    return f;
  }

  List<Fact> target() {
    PlanSummary p = r.plan();
    List<Fact> f = new ArrayList<>();
    f.add(Fact.of("protocol", p.protocol()));
    if (p.url() != null) {
      f.add(Fact.of("URL", p.url()));
    }
    if (p.model() != null) {
      f.add(Fact.of("model", p.model()));
    }
    if (p.stream()) {
      f.add(Fact.of("response", "streamed"));
    }
    if (p.file() != null) {
      f.add(Fact.of("plan", p.file()));
    }
    return f;
  }

  /** Objectives as stated in the plan, then the error-rate limit. */
  List<String> slo() {
    List<String> lines = new ArrayList<>();
    for (String o : SloLine.objectives(r.plan().slo())) {
      lines.add(o.replace(" <= ", " ≤ "));
    }
    Double maxErrors = SloLine.maxErrorRate(r.plan().slo());
    if (maxErrors != null) {
      lines.add("error rate ≤ " + Formats.percent(maxErrors));
    }
    return lines;
  }

  List<Fact> payloads() {
    PayloadSummary p = r.payloads();
    List<Fact> f = new ArrayList<>();
    if (p != null) {
      f.add(Fact.of("file", p.file()));
      f.add(Fact.num("payloads", p.count() + (p.skippedLines() > 0
          ? " (" + p.skippedLines() + " malformed lines skipped)" : ""), "/payloads/count",
          p.count()));
      f.add(Fact.of("sampling", p.sampling() + (p.saltedPrompts() ? ", prompts salted" : "")));
      if (p.sha256() != null) {
        f.add(Fact.of("sha256", p.sha256().length() > 16 ? p.sha256().substring(0, 16) + "…"
            : p.sha256()));
      }
    }
    f.add(Fact.num("requests", Long.toString(r.totals().scheduled()), "/totals/scheduled",
        r.totals().scheduled()));
    if (r.totals().outputTokens() > 0) {
      f.add(Fact.num("output tokens", Long.toString(r.totals().outputTokens()),
          "/totals/outputTokens", r.totals().outputTokens()));
    }
    return f;
  }

  /** The capacity answer: sustainable rate, bracket, estimate, first breach, end; or empty. */
  List<Fact> answer() {
    List<Fact> f = new ArrayList<>();
    CapacityResult c = r.capacity();
    if (c == null) {
      return f;
    }
    CapacityResult.Sustainable s = c.sustainable();
    if (s != null && s.rps() != null) {
      f.add(Fact.num("sustainable rate", Formats.rate(s.rps()) + " req/s"
          + (s.passConfirmed() ? "" : " (not confirmed at full length)"),
          "/capacity/sustainable/rps", s.rps()));
      if (s.lowestFail() != null) {
        f.add(Fact.of("bracket", "[" + Formats.rate(s.highestPass()) + ", "
            + Formats.rate(s.lowestFail()) + "] req/s"
            + (s.relativeWidth() == null ? "" : ", width " + Formats.percent(s.relativeWidth()))
            + " (asked " + Formats.percent(s.precision()) + ")"
            + (s.failConfirmed() ? "" : "; the fail bound is not confirmed")));
      } else {
        f.add(Fact.of("bracket", "no rate failed up to the highest tried"));
      }
      if (s.pointEstimate() != null) {
        f.add(Fact.num("point estimate", Formats.rate(s.pointEstimate())
            + " req/s (isotonic fit)", "/capacity/sustainable/pointEstimate", s.pointEstimate()));
      }
    } else {
      f.add(Fact.of("sustainable rate", "none found"));
    }
    if (c.saturationRps() != null) {
      f.add(Fact.num("saturation throughput", Formats.rate(c.saturationRps()) + " req/s",
          "/capacity/saturationRps", c.saturationRps()));
    }
    if (c.idleLatencyMillis() != null) {
      f.add(Fact.num("idle latency", Formats.millis(c.idleLatencyMillis()) + " ms",
          "/capacity/idleLatencyMillis", c.idleLatencyMillis()));
    }
    CheckResult b = c.firstBreach();
    if (b != null && c.firstFailingStep() != null) {
      f.add(Fact.of("first breach", "step " + (c.firstFailingStep() + 1) + ": " + b.name()
          + " — observed " + (b.observedMillis() == null ? "∞"
              : Formats.millis(b.observedMillis()) + " ms")
          + ", share over " + Formats.percent(b.share()) + " vs "
          + Formats.percent(b.allowedShare()) + " allowed, n=" + b.n()));
    }
    f.add(Fact.of("search ended", c.endReason()));
    return f;
  }

  /**
   * The sizing decision of a {@code harness recommend} run (the other recommendation sections
   * are in {@link #recommend()}); empty for every other kind.
   */
  List<Fact> recommendation() {
    RecommendCard rc = recommend();
    return rc == null ? List.of() : rc.decision();
  }

  /** The curve: one row per search step (capacity) or step (plain run). */
  Table curve() {
    return CardTables.curve(r, rows, llm);
  }

  /** Every entry of results.json {@code steps} (warm-ups included) with all its percentiles. */
  Table allSteps() {
    return CardTables.allSteps(r, llm);
  }

  /** Why each step that did not pass did not (capacity runs); empty otherwise. */
  List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (CurveRow row : rows) {
      if (row.verdict() != null && !"pass".equals(row.verdict()) && row.reason() != null) {
        notes.add("step " + row.label() + " (" + row.verdict() + "): " + row.reason());
      }
    }
    return notes;
  }

  /**
   * The load generator's own figures: if they are large, the generator shaped the numbers. Empty
   * for a recommendation (each candidate's search has its own, in its results directory).
   */
  List<Fact> generator() {
    GeneratorSummary g = r.generator();
    List<Fact> f = new ArrayList<>();
    // a recommendation's generator figures are each candidate's, in candidates/<name>/
    if (g == null || r.recommendation() != null) {
      return f;
    }
    f.add(Fact.of("transport", g.transport() + ", " + g.eventLoops() + " event loop(s), "
        + g.connections() + " connections (" + g.preconnected() + " opened before), in-flight cap "
        + g.maxInFlight()));
    f.add(Fact.num("schedule lag p99", Formats.millis(g.scheduleLagP99Millis()) + " ms (max "
        + Formats.millis(g.scheduleLagMaxMillis()) + " ms)", "/generator/scheduleLagP99Millis",
        g.scheduleLagP99Millis()));
    f.add(Fact.num("hiccup p99.9", Formats.millis(g.hiccupP999Millis()) + " ms (max "
        + Formats.millis(g.hiccupMaxMillis()) + " ms)", "/generator/hiccupP999Millis",
        g.hiccupP999Millis()));
    if (g.staleResends() > 0) {
      f.add(Fact.num("stale re-sends", Long.toString(g.staleResends()),
          "/generator/staleResends", g.staleResends()));
    }
    return f;
  }

  /** Counts of every outcome over the run when any request did not succeed; else empty. */
  List<Fact> outcomes() {
    Map<String, Long> o = new TreeMap<>(r.totals().outcomes());
    List<Fact> f = new ArrayList<>();
    if (o.keySet().stream().allMatch("success"::equals)) {
      return f;
    }
    o.forEach((k, v) -> f.add(Fact.num(k, Long.toString(v), "/totals/outcomes/" + k, v)));
    return f;
  }

  /** The last line: where the rest is. */
  String footer() {
    return r.recommendation() != null
        ? "Charts: report.html; each candidate's capacity search: candidates/<name>/ "
            + "(harness report candidates/<name> writes its capacity card)."
        : "Charts and every step: report.html; per-step numbers for machines: steps.csv.";
  }

  /** The run's warnings; for a recommendation those not already among its decision's notes. */
  List<String> warnings() {
    List<String> w = new ArrayList<>(r.warnings());
    w.removeIf(x -> x.startsWith(Rejudge.NOTE_PREFIX));
    if (r.recommendation() != null) {
      w.removeAll(r.recommendation().warnings());
    }
    return w;
  }

  private String duration() {
    double secs = r.startedAt() != null && r.endedAt() != null
        ? Duration.between(r.startedAt(), r.endedAt()).toMillis() / 1000.0
        : r.totals().durationSeconds();
    if (secs < 60) {
      return String.format(Locale.ROOT, "%.1f s", secs);
    }
    long s = Math.round(secs);
    return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
        : String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
