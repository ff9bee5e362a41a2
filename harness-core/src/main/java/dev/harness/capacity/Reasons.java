package dev.harness.capacity;

import java.util.ArrayList;
import java.util.List;

/** One-line reasons of a {@link StepVerdict}, numbers in Locale.ROOT, each with its n. */
final class Reasons {
  private Reasons() {}

  /** The first failing check described, and how many more fail. */
  static String fail(List<Check> checks) {
    List<Check> failing = new ArrayList<>();
    for (Check c : checks) {
      if (c.verdict() == Verdict.FAIL) {
        failing.add(c);
      }
    }
    StringBuilder sb = new StringBuilder(breach(failing.get(0)));
    if (failing.size() > 1) {
      List<String> others = new ArrayList<>();
      for (Check c : failing.subList(1, failing.size())) {
        others.add(c.name());
      }
      sb.append("; also failing: ").append(String.join(", ", others));
    }
    return sb.toString();
  }

  /**
   * E.g. "p99 e2e 312.4 ms &gt; 250 ms (share over 1.8% &gt; 1%, lower bound 1.3%, n=4210)" or
   * "error rate 3.2% &gt; 1% (16 of 500 requests failed, lower bound 2.1%)".
   */
  static String breach(Check c) {
    if (c.isErrorRate()) {
      return "error rate " + Texts.percent(c.share()) + " > " + Texts.percent(c.allowedShare())
          + " (" + c.violations() + " of " + c.n() + " requests failed, lower bound "
          + Texts.percent(c.lowerBound()) + ")";
    }
    String label = Texts.percentile(c.percentile()) + " " + c.metric();
    String threshold = Texts.millis(c.thresholdMillis()) + " ms";
    String head = Double.isInfinite(c.observedMillis())
        ? label + " over " + threshold + ", falling on failed requests"
        : label + " " + Texts.millis(c.observedMillis()) + " ms > " + threshold;
    return head + " (share over " + Texts.percent(c.share()) + " > "
        + Texts.percent(c.allowedShare()) + ", lower bound " + Texts.percent(c.lowerBound())
        + ", " + count(c) + ")";
  }

  /** The undecided checks with their bounds. */
  static String inconclusive(List<Check> checks) {
    List<String> parts = new ArrayList<>();
    for (Check c : checks) {
      if (c.verdict() != Verdict.INCONCLUSIVE) {
        continue;
      }
      if (c.n() == 0) {
        parts.add(c.name() + " (no " + unit(c) + " recorded)");
      } else {
        parts.add(c.name() + " (share over " + Texts.percent(c.share()) + ", bounds "
            + Texts.percent(c.lowerBound()) + "–" + Texts.percent(c.upperBound()) + " around "
            + Texts.percent(c.allowedShare()) + ", " + count(c) + ")");
      }
    }
    return "inconclusive: " + String.join("; ", parts);
  }

  private static String count(Check c) {
    String unit = unit(c);
    return "n=" + c.n() + (unit.equals("requests") ? "" : " " + unit);
  }

  private static String unit(Check c) {
    if (c.metric().equals("itl") || c.metric().equals("icl")) {
      return "token gaps";
    }
    return c.isErrorRate() || Checks.isPerRequestTag(c.metric()) ? "requests" : "values";
  }
}
