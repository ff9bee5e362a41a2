package dev.harness.report.compare;

import dev.harness.capacity.Rates;
import dev.harness.result.CapacityResult;
import dev.harness.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code harness compare}: holds a current run against one or more baseline runs of the same plan
 * and payload set.
 *
 * <ul>
 *   <li>Along the capacity curve, at each offered rate the current run measured that lies within
 *       every baseline's measured range, each baseline's value is read by linear interpolation
 *       ({@link Curve}): p99 end-to-end, p99 TTFT and p99 ITL (where measured), error rate and
 *       achieved ÷ offered rate.
 *   <li>Of the whole run: the sustainable rate (the point estimate when every run has one, else
 *       the highest pass) and, for recommend results, the fleet's monthly cost.
 * </ul>
 *
 * Each is a {@link Check} against the median of the baselines, with a tolerance from their spread
 * ({@link Tolerances}).
 *
 * <pre>{@code
 * Comparison c = Compare.compare(List.of(ComparedRun.read(b1), ComparedRun.read(b2)),
 *     ComparedRun.read(current), Tolerances.DEFAULT);
 * }</pre>
 */
public final class Compare {
  private Compare() {}

  /**
   * Compares {@code current} with {@code baselines}.
   *
   * @throws NotComparableException when the runs differ in plan or payloads, or share nothing to
   *     compare (no curve, no common rate)
   */
  public static Comparison compare(List<ComparedRun> baselines, ComparedRun current,
      Tolerances tolerances) throws NotComparableException {
    List<String> differences = Comparability.differences(baselines, current);
    if (!differences.isEmpty()) {
      throw new NotComparableException(differences);
    }
    List<String> notes = new ArrayList<>();
    notes.add(basis(baselines.size(), tolerances));
    List<Check> checks = new ArrayList<>();
    boolean curves = current.result().capacity() != null;
    if (curves) {
      sustainable(baselines, current, tolerances, checks, notes);
    }
    fleetCost(baselines, current, tolerances, checks, notes);
    if (curves) {
      alongTheCurve(baselines, current, tolerances, checks, notes);
    }
    for (ComparedRun r : concat(baselines, current)) {
      if (r.result().interrupted()) {
        notes.add(r.label() + " did not run to its end: " + r.result().stopReason());
      }
    }
    Object from = current.result().capacity() == null ? null
        : current.result().capacity().settings().get("ladderFrom");
    if (from instanceof Map) {
      notes.add("the current run replayed the ladder of " + ((Map<?, ?>) from).get("runId"));
    }
    if (checks.isEmpty()) {
      List<String> why = notes.subList(1, notes.size());
      throw new NotComparableException(List.of("nothing to compare: " + (why.isEmpty()
          ? "no capacity curve and no recommended fleet in common" : String.join("; ", why))));
    }
    return new Comparison(current.result().plan().name(),
        baselines.stream().map(ComparedRun::runId).toList(), current.runId(), tolerances,
        checks, notes);
  }

  private static String basis(int baselines, Tolerances t) {
    String floors = String.format(Locale.ROOT, "%.1f %% relative, %.2f pp error rate",
        100 * t.relativeFloor(), 100 * t.errorRateFloor());
    if (baselines == 1) {
      return "one baseline: no spread to measure, so every tolerance is its floor (" + floors
          + "); give several baseline runs to let the tolerances follow the noise";
    }
    return String.format(Locale.ROOT,
        "tolerances: %s × the spread (max − min) across the %d baselines, at least %s",
        Rates.label(t.spreadFactor()), baselines, floors);
  }

  private static void sustainable(List<ComparedRun> baselines, ComparedRun current,
      Tolerances t, List<Check> checks, List<String> notes) {
    boolean point = baselines.stream().allMatch(b -> pointEstimate(b.result()) != null)
        && (pointEstimate(current.result()) != null || highestPass(current.result()) == null);
    List<Double> base = new ArrayList<>();
    for (ComparedRun b : baselines) {
      Double v = point ? pointEstimate(b.result()) : highestPass(b.result());
      if (v == null) {
        notes.add("sustainable rate not compared: baseline " + b.label()
            + " found none (" + b.result().capacity().status() + ")");
        return;
      }
      base.add(v);
    }
    Double cur = point ? pointEstimate(current.result()) : highestPass(current.result());
    checks.add(Check.judge(Quantity.SUSTAINABLE_RATE, null, base, cur, t));
    if (!point) {
      notes.add("sustainable rate: the highest passing rate (not every run has a point "
          + "estimate)");
    }
  }

  private static Double pointEstimate(RunResult r) {
    CapacityResult c = r.capacity();
    return c == null || c.sustainable() == null ? null : c.sustainable().pointEstimate();
  }

  private static Double highestPass(RunResult r) {
    CapacityResult c = r.capacity();
    return c == null || c.sustainable() == null ? null : c.sustainable().rps();
  }

  private static void fleetCost(List<ComparedRun> baselines, ComparedRun current, Tolerances t,
      List<Check> checks, List<String> notes) {
    List<Double> base = new ArrayList<>();
    for (ComparedRun b : baselines) {
      if (b.fleetMonthlyCost() != null) {
        base.add(b.fleetMonthlyCost());
      }
    }
    if (base.isEmpty()) {
      return;
    }
    if (base.size() < baselines.size()) {
      notes.add("fleet cost not compared: not every baseline has a recommended fleet");
      return;
    }
    checks.add(Check.judge(Quantity.FLEET_COST, null, base, current.fleetMonthlyCost(), t));
  }

  private static void alongTheCurve(List<ComparedRun> baselines, ComparedRun current,
      Tolerances t, List<Check> checks, List<String> notes) throws NotComparableException {
    Curve cur = Curve.of(current.result());
    List<Curve> base = new ArrayList<>();
    for (ComparedRun b : baselines) {
      Curve c = Curve.of(b.result());
      if (c.isEmpty()) {
        throw new NotComparableException(List.of(b.label()
            + " has no capacity curve (no steady open-loop step with a verdict)"));
      }
      base.add(c);
    }
    if (cur.isEmpty()) {
      throw new NotComparableException(List.of(current.label()
          + " has no capacity curve (no steady open-loop step with a verdict)"));
    }
    List<Double> rates = new ArrayList<>();
    List<String> outside = new ArrayList<>();
    for (double r : cur.rates()) {
      if (base.stream().allMatch(c -> c.covers(r))) {
        rates.add(r);
      } else {
        outside.add(Rates.label(r));
      }
    }
    if (rates.isEmpty()) {
      throw new NotComparableException(List.of("no offered rate of " + current.label() + " ("
          + range(cur) + ") lies within every baseline's curve (" + ranges(base)
          + "); replay the baseline's ladder: harness capacity PLAN --ladder-from BASELINE_DIR"));
    }
    if (!outside.isEmpty()) {
      notes.add("not compared, outside a baseline's measured rates: " + String.join(", ", outside)
          + " req/s");
    }
    List<String> partial = new ArrayList<>();
    for (double rate : rates) {
      for (Quantity q : Quantity.ALONG_THE_CURVE) {
        OptionalDouble c = cur.at(q, rate);
        List<Double> values = new ArrayList<>();
        for (Curve b : base) {
          b.at(q, rate).ifPresent(values::add);
        }
        if (values.size() == base.size()) {
          checks.add(Check.judge(q, rate, values, c.isPresent() ? c.getAsDouble() : null, t));
        } else if (!values.isEmpty() || c.isPresent()) {
          partial.add(q.label() + " at " + Rates.label(rate) + " req/s");
        }
      }
    }
    if (!partial.isEmpty()) {
      notes.add("not compared, not every baseline has a value: " + String.join(", ", partial));
    }
  }

  private static String range(Curve c) {
    List<Double> r = c.rates();
    return Rates.label(r.get(0)) + "–" + Rates.label(r.get(r.size() - 1)) + " req/s";
  }

  private static String ranges(List<Curve> curves) {
    List<String> out = new ArrayList<>();
    for (Curve c : curves) {
      out.add(range(c));
    }
    return String.join(", ", out);
  }

  private static List<ComparedRun> concat(List<ComparedRun> baselines, ComparedRun current) {
    List<ComparedRun> all = new ArrayList<>(baselines);
    all.add(current);
    return all;
  }
}
