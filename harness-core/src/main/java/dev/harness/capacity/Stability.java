package dev.harness.capacity;

import dev.harness.record.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a measured step reached a steady state. An overloaded server shows it as growth: latency
 * rising through the step, requests piling up in flight or in the server's queue. A step that
 * keeps growing has no steady-state percentile, so capacity must not be read from it, even when
 * its verdict happens to pass.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li><b>Latency trend.</b> The completions (successes and timeouts, timeouts at their recorded
 *       value) in order of intended send time are cut into k = min(10, completions/100) windows of
 *       nearly equal count; with k &lt; 2 the trend is not judged. The median e2e of each window
 *       goes into a Mann–Kendall test; latency is unstable when the one-sided p &lt; 0.01 (z &gt;
 *       2.326) AND the last window's median / the first window's median &gt; 1.2 (the effect must
 *       matter, not only be significant). Note that k ≥ 6 windows are needed for z to reach 2.326.
 *   <li><b>Queue trend.</b> A least-squares line through the in-flight count sampled once a second
 *       (x in seconds): unstable when its slope's t &gt; 3 AND slope × seconds &gt; max(5, 0.5 ×
 *       mean in flight). The same for the server's waiting queue when given. Series shorter than 3
 *       seconds are not judged. Queues are judged even when there are too few completions for the
 *       latency trend: a server that stalls completes nothing.
 * </ul>
 *
 * <p>Sources: Mann–Kendall as in {@code Trend#mannKendallZ}; the least-squares t test as in {@code
 * Trend#leastSquares}; the growth floor keeps a t test on a long, quiet series from flagging
 * fractions of a request.
 */
public final class Stability {
  private Stability() {}

  static final int MAX_WINDOWS = 10;
  static final int PER_WINDOW = 100;
  /** Standard normal 0.99 quantile: the one-sided p &lt; 0.01 cut. */
  static final double Z_ONE_PERCENT = 2.3263478740408408;
  static final double MAX_LATENCY_RATIO = 1.2;
  static final double QUEUE_T = 3;
  static final double MIN_QUEUE_GROWTH = 5;
  static final double QUEUE_GROWTH_SHARE_OF_MEAN = 0.5;

  /**
   * Assesses one step.
   *
   * @param cohort the step's requests, in any order
   * @param inFlightPerSecond requests in flight, one value per second of the measured window (may
   *     be null: not judged)
   * @param serverWaitingPerSecond the server's waiting queue, one value per second; may be null
   */
  public static StabilityResult assess(
      List<Sample> cohort, double[] inFlightPerSecond, double[] serverWaitingPerSecond) {
    List<String> problems = new ArrayList<>();
    List<Sample> done = completions(cohort);
    int windows = Math.min(MAX_WINDOWS, done.size() / PER_WINDOW);
    double ratio = Double.NaN;
    double z = 0;
    if (windows >= 2) {
      double[] medians = windowMedians(done, windows);
      ratio = ratio(medians[windows - 1], medians[0]);
      z = Trend.mannKendallZ(medians);
      if (z > Z_ONE_PERCENT && ratio > MAX_LATENCY_RATIO) {
        problems.add("latency rises window by window: median e2e "
            + Texts.millis(medians[0] / 1e6) + " ms → " + Texts.millis(medians[windows - 1] / 1e6)
            + " ms (×" + Texts.number(ratio, 2) + ", Mann–Kendall z=" + Texts.number(z, 2)
            + " over " + windows + " windows)");
      }
    }
    double inFlightSlope = queue(inFlightPerSecond, "in-flight",
        "the server does not keep up", problems);
    double waitingSlope = queue(serverWaitingPerSecond, "server waiting queue",
        "the server is overloaded", problems);
    if (!problems.isEmpty()) {
      return new StabilityResult(false, String.join("; ", problems), windows, ratio,
          inFlightSlope, waitingSlope);
    }
    String reason;
    if (windows < 2) {
      reason = "too few completions to judge stability (n=" + done.size() + ")";
    } else {
      reason = "steady over " + windows + " windows: last/first median e2e ×"
          + Texts.number(ratio, 2) + " (Mann–Kendall z=" + Texts.number(z, 2) + ")"
          + (Double.isNaN(inFlightSlope) ? ""
              : ", in-flight slope " + Texts.number(inFlightSlope, 2) + "/s");
    }
    return new StabilityResult(true, reason, windows, ratio, inFlightSlope, waitingSlope);
  }

  /** Median e2e (nanos) of each of k windows of completions in order of intended time. */
  static double[] windowMedians(List<Sample> done, int k) {
    int n = done.size();
    double[] medians = new double[k];
    for (int w = 0; w < k; w++) {
      int from = (int) ((long) w * n / k);
      int to = (int) ((long) (w + 1) * n / k);
      long[] e2e = new long[to - from];
      for (int i = from; i < to; i++) {
        e2e[i - from] = done.get(i).e2eNanos();
      }
      Arrays.sort(e2e);
      int mid = e2e.length / 2;
      medians[w] = e2e.length % 2 == 1 ? e2e[mid] : (e2e[mid - 1] + e2e[mid]) / 2.0;
    }
    return medians;
  }

  /** Successes and timeouts with a recorded e2e, in order of intended send time. */
  static List<Sample> completions(List<Sample> cohort) {
    List<Sample> done = new ArrayList<>();
    for (Sample s : cohort) {
      boolean completed = s.outcome() == Outcome.SUCCESS || s.outcome() == Outcome.TIMEOUT;
      if (completed && s.e2eNanos() >= 0) {
        done.add(s);
      }
    }
    done.sort(Comparator.comparingLong(Sample::intendedNanos));
    return done;
  }

  private static double ratio(double last, double first) {
    if (first > 0) {
      return last / first;
    }
    return last > 0 ? Double.POSITIVE_INFINITY : 1;
  }

  /** Judges one per-second queue series; returns its slope (NaN when not judged). */
  private static double queue(double[] perSecond, String what, String meaning,
      List<String> problems) {
    if (perSecond == null || perSecond.length < 3) {
      return Double.NaN;
    }
    Trend.Line line = Trend.leastSquares(perSecond);
    int seconds = perSecond.length;
    double growth = line.slope() * seconds;
    double floor = Math.max(MIN_QUEUE_GROWTH, QUEUE_GROWTH_SHARE_OF_MEAN * line.mean());
    if (line.t() > QUEUE_T && growth > floor) {
      problems.add(what + " grows " + Texts.number(line.slope(), 2) + "/s over " + seconds
          + " s (from " + Texts.number(perSecond[0], 1) + " to "
          + Texts.number(perSecond[seconds - 1], 1) + "): " + meaning);
    }
    return line.slope();
  }
}
