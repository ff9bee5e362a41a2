package dev.harness.report.rejudge;

import dev.harness.config.DurationParser;
import dev.harness.config.Objective;
import dev.harness.config.Slo;
import dev.harness.record.Metric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SLO written on the command line ({@code harness report --slo SPEC}, repeatable), one part per
 * spec:
 *
 * <pre>
 * &lt;metric&gt; p&lt;percentile&gt; &lt;= &lt;duration&gt;    e.g. "e2e p99 &lt;= 800ms", "ttft p90 &lt;= 1.5s"
 * errors &lt;= &lt;percent&gt;%                    e.g. "errors &lt;= 0.5%"
 * </pre>
 *
 * Metrics are those a request's record carries: {@code e2e}, {@code ttft} and {@code tpot} (token
 * gaps, {@code itl} and {@code icl}, are not in requests.bin). {@code ≤} may stand for {@code <=};
 * durations are written as in plans ({@code 250ms}, {@code 2s}, {@code 1m30s}). The latency
 * objectives replace the plan's; the error-rate limit is the plan's unless given.
 */
public final class SloSpec {
  private static final Pattern OBJECTIVE =
      Pattern.compile("([a-z0-9-]+)\\s+[pP]([0-9]+(?:\\.[0-9]+)?)\\s*(?:<=|≤)\\s*(\\S+)");
  private static final Pattern ERRORS =
      Pattern.compile("(?:errors|error-rate)\\s*(?:<=|≤)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*%");
  private static final List<Metric> PER_REQUEST = List.of(Metric.E2E, Metric.TTFT, Metric.TPOT);

  /** How to write one, for error messages and help. */
  public static final String FORMS =
      "'<metric> p<percentile> <= <duration>' (metric e2e, ttft or tpot; e.g. 'e2e p99 <= 800ms') "
          + "or 'errors <= <percent>%' (e.g. 'errors <= 1%')";

  private SloSpec() {}

  /**
   * The SLO of {@code specs}.
   *
   * @param specs one objective or error-rate limit each; at least one latency objective
   * @param planMaxErrorRate the error-rate limit when no spec gives one
   * @throws IllegalArgumentException naming the spec that cannot be read and why
   */
  public static Slo parse(List<String> specs, double planMaxErrorRate) {
    List<Objective> objectives = new ArrayList<>();
    Double maxErrorRate = null;
    for (String spec : specs) {
      String s = spec == null ? "" : spec.strip();
      Matcher e = ERRORS.matcher(s);
      if (e.matches()) {
        double percent = Double.parseDouble(e.group(1));
        if (percent > 100) {
          throw new IllegalArgumentException(
              "--slo '" + s + "': an error rate is at most 100%, got " + e.group(1) + "%");
        }
        if (maxErrorRate != null) {
          throw new IllegalArgumentException("--slo '" + s + "': the error rate is given twice");
        }
        maxErrorRate = percent / 100;
        continue;
      }
      objectives.add(objective(s));
    }
    if (objectives.isEmpty()) {
      throw new IllegalArgumentException("--slo needs at least one latency objective, "
          + "e.g. 'e2e p99 <= 800ms'");
    }
    return new Slo(objectives, maxErrorRate == null ? planMaxErrorRate : maxErrorRate);
  }

  /**
   * An objective as results.json states it in {@code plan.slo.objectives}: "e2e p99 <= 800 ms"
   * (thresholds in whole milliseconds, like the plan summary of a run).
   */
  public static String text(Objective o) {
    double p = o.percentile();
    String percentile = p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    return String.format(Locale.ROOT, "%s p%s <= %d ms", o.metric().tag(), percentile,
        o.threshold().toMillis());
  }

  private static Objective objective(String s) {
    Matcher m = OBJECTIVE.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("--slo '" + s + "' is not an objective: write " + FORMS);
    }
    Metric metric;
    try {
      metric = Metric.fromTag(m.group(1));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("--slo '" + s + "': unknown metric '" + m.group(1)
          + "'; use e2e, ttft or tpot");
    }
    if (!PER_REQUEST.contains(metric)) {
      throw new IllegalArgumentException("--slo '" + s + "': " + metric.tag() + " cannot be "
          + "judged again from requests.bin, which holds one record per request and not the "
          + "token gaps; use e2e, ttft or tpot");
    }
    double percentile = Double.parseDouble(m.group(2));
    Duration threshold;
    try {
      threshold = DurationParser.parse(m.group(3));
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException("--slo '" + s + "': " + bad.getMessage());
    }
    if (threshold.toMillis() < 1 || threshold.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException("--slo '" + s + "': the threshold must be a whole "
          + "number of milliseconds, at least 1ms, got " + m.group(3));
    }
    try {
      return new Objective(metric, percentile, threshold);
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException("--slo '" + s + "': " + bad.getMessage());
    }
  }
}
