package dev.harness.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of a search so far: the highest rate that passed below the lowest rate that failed,
 * whether each was confirmed at full length with a conclusive verdict, and a point estimate.
 *
 * <p>Per rate only the latest full-length result counts (else the latest result): a full-length
 * re-measurement overrides a short trial, so one spurious result is corrected when the bound it
 * set is confirmed. An inconclusive trial counts on the side its point estimate leans to (it
 * guides the bisection), but never as confirmed; an inconclusive full-length step is no bound at
 * all: the rate lies in the band the statistics cannot resolve, and the bracket stays outside it.
 *
 * @param highestPass highest rate that passed (or leaned to pass) below {@code lowestFail}; NaN
 *     if none
 * @param passConfirmed that pass was a conclusive verdict of a full-length step
 * @param lowestFail lowest rate that failed (or leaned to fail); NaN if none
 * @param failConfirmed that fail was a conclusive verdict of a full-length step
 * @param pointEstimate where the isotonic fit of exceedance against rate crosses the limit,
 *     clamped into the bracket; the bracket's geometric middle when the fit does not cross there;
 *     NaN without both bounds
 * @param isotonicCrossing the raw crossing of the fit (NaN if it never reaches the limit)
 * @param precisionReached (lowestFail / highestPass − 1) ≤ the requested precision
 * @param passStep the step that set highestPass, or null
 * @param failStep the step that set lowestFail, or null
 */
public record Bracket(
    double highestPass,
    boolean passConfirmed,
    double lowestFail,
    boolean failConfirmed,
    double pointEstimate,
    double isotonicCrossing,
    boolean precisionReached,
    StepReport passStep,
    StepReport failStep) {

  /** Relative width (lowestFail / highestPass − 1); infinite without both bounds. */
  public double relativeWidth() {
    return Double.isNaN(highestPass) || Double.isNaN(lowestFail)
        ? Double.POSITIVE_INFINITY
        : lowestFail / highestPass - 1;
  }

  /** Whether a step is full length (it may confirm a bound). */
  static boolean fullLength(StepReport r) {
    return r.plan().kind() == StepKind.FINAL || r.plan().kind() == StepKind.LADDER;
  }

  /** The result that counts at each open-loop rate, sorted by rate. */
  static List<StepReport> effective(List<StepReport> history) {
    Map<Double, StepReport> byRate = new LinkedHashMap<>();
    for (StepReport r : history) {
      if (!r.plan().openLoop() || r.verdict() == Verdict.INVALID) {
        continue;
      }
      StepReport prev = byRate.get(r.plan().rate());
      if (prev == null || fullLength(r) || !fullLength(prev)) {
        byRate.put(r.plan().rate(), r);
      }
    }
    List<StepReport> out = new ArrayList<>(byRate.values());
    out.sort(Comparator.comparingDouble(r -> r.plan().rate()));
    return out;
  }

  public static Bracket of(List<StepReport> history, double precision) {
    List<StepReport> eff = effective(history);
    StepReport fail = null;
    for (StepReport r : eff) {
      if (r.leansFail() && !unresolved(r)) {
        fail = r;
        break;
      }
    }
    StepReport pass = null;
    for (StepReport r : eff) {
      if (fail != null && r.plan().rate() >= fail.plan().rate()) {
        break;
      }
      if (r.leansPass() && !unresolved(r)) {
        pass = r;
      }
    }
    double hp = pass == null ? Double.NaN : pass.plan().rate();
    double lf = fail == null ? Double.NaN : fail.plan().rate();
    double crossing = isotonicCrossing(eff);
    double point = Double.NaN;
    if (pass != null && fail != null) {
      point = crossing >= hp && crossing <= lf ? crossing : Math.sqrt(hp * lf);
    }
    boolean reached = pass != null && fail != null && lf / hp - 1 <= precision + 1e-12;
    return new Bracket(
        hp,
        pass != null && pass.verdict() == Verdict.PASS && fullLength(pass),
        lf,
        fail != null && fail.verdict() == Verdict.FAIL && fullLength(fail),
        point,
        crossing,
        reached,
        pass,
        fail);
  }

  /** Inconclusive although it ran at full length: no bound. */
  private static boolean unresolved(StepReport r) {
    return r.verdict() == Verdict.INCONCLUSIVE && fullLength(r);
  }

  private static double isotonicCrossing(List<StepReport> eff) {
    List<StepReport> judged = new ArrayList<>();
    for (StepReport r : eff) {
      if (!Double.isNaN(r.exceedance()) && r.n() > 0) {
        judged.add(r);
      }
    }
    if (judged.isEmpty()) {
      return Double.NaN;
    }
    double[] x = new double[judged.size()];
    double[] y = new double[judged.size()];
    double[] w = new double[judged.size()];
    for (int i = 0; i < x.length; i++) {
      StepReport r = judged.get(i);
      x[i] = r.plan().rate();
      y[i] = Math.min(r.exceedance(), 1e6);
      w[i] = r.n();
    }
    return Isotonic.crossing(x, Isotonic.increasing(y, w), 1.0);
  }
}
