package dev.harness.report.compare;

import dev.harness.record.LatencySummary;
import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * A run's capacity curve as {@code harness compare} reads it: one point per offered rate, from
 * the steady open-loop steps that have a verdict (pass, fail or inconclusive; never a warm-up, a
 * closed-loop saturation step or an invalid step). Where a rate was measured more than once (a
 * bound re-measured at full length), the step with the most requests stands for it.
 *
 * <p>Between two measured rates a value is interpolated linearly in the rate:
 * {@code v(r) = v(r₁) + (v(r₂) − v(r₁)) × (r − r₁) / (r₂ − r₁)}. Outside the measured range
 * there is no value (no extrapolation).
 */
public final class Curve {
  private static final Set<String> VERDICTS = Set.of("pass", "fail", "inconclusive");

  private final double[] rates;
  private final List<Map<Quantity, Double>> values;

  private Curve(double[] rates, List<Map<Quantity, Double>> values) {
    this.rates = rates;
    this.values = values;
  }

  /** The curve of a capacity run; empty for a run without a capacity section. */
  public static Curve of(RunResult r) {
    TreeMap<Double, CapacityStep> chosen = new TreeMap<>();
    if (r.capacity() != null) {
      for (CapacityStep s : r.capacity().steps()) {
        if (s.offeredRps() == null || s.concurrency() != 0 || !VERDICTS.contains(s.verdict())
            || s.resultStep() < 0 || s.resultStep() >= r.steps().size()) {
          continue;
        }
        CapacityStep previous = chosen.get(s.offeredRps());
        if (previous == null || s.scheduled() >= previous.scheduled()) {
          chosen.put(s.offeredRps(), s);
        }
      }
    }
    double[] rates = new double[chosen.size()];
    List<Map<Quantity, Double>> values = new ArrayList<>();
    int i = 0;
    for (CapacityStep s : chosen.values()) {
      rates[i++] = s.offeredRps();
      values.add(point(s, r.steps().get(s.resultStep())));
    }
    return new Curve(rates, values);
  }

  private static Map<Quantity, Double> point(CapacityStep c, StepResult step) {
    Map<Quantity, Double> v = new EnumMap<>(Quantity.class);
    for (Quantity q : Quantity.ALONG_THE_CURVE) {
      if (q.metricTag() != null) {
        LatencySummary l = step.latencies().get(q.metricTag());
        if (l != null && l.n() > 0) {
          v.put(q, l.p99Millis());
        }
      }
    }
    v.put(Quantity.ERROR_RATE, step.errorRate());
    if (c.offeredRps() > 0) {
      v.put(Quantity.ACHIEVED_SHARE, c.achievedRps() / c.offeredRps());
    }
    return v;
  }

  /** The measured rates, ascending. */
  public List<Double> rates() {
    List<Double> list = new ArrayList<>(rates.length);
    for (double r : rates) {
      list.add(r);
    }
    return Collections.unmodifiableList(list);
  }

  public boolean isEmpty() {
    return rates.length == 0;
  }

  /** True when {@code rateRps} lies within the measured range (ends included). */
  public boolean covers(double rateRps) {
    return rates.length > 0 && rateRps >= rates[0] * (1 - 1e-9)
        && rateRps <= rates[rates.length - 1] * (1 + 1e-9);
  }

  /**
   * The value of {@code q} at {@code rateRps}: measured there, or interpolated between the two
   * neighbouring rates; empty outside the range or when a point needed lacks {@code q}.
   */
  public OptionalDouble at(Quantity q, double rateRps) {
    if (!covers(rateRps)) {
      return OptionalDouble.empty();
    }
    for (int i = 0; i < rates.length; i++) {
      if (Math.abs(rates[i] - rateRps) <= 1e-9 * Math.max(1, rateRps)) {
        return value(i, q);
      }
    }
    int hi = 1;
    while (rates[hi] < rateRps) {
      hi++;
    }
    OptionalDouble a = value(hi - 1, q);
    OptionalDouble b = value(hi, q);
    if (a.isEmpty() || b.isEmpty()) {
      return OptionalDouble.empty();
    }
    double t = (rateRps - rates[hi - 1]) / (rates[hi] - rates[hi - 1]);
    return OptionalDouble.of(a.getAsDouble() + t * (b.getAsDouble() - a.getAsDouble()));
  }

  private OptionalDouble value(int i, Quantity q) {
    Double v = values.get(i).get(q);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
