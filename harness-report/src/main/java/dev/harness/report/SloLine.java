package dev.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One latency objective as results.json states it ({@code plan.slo.objectives}, written as
 * {@code "<metric> p<percentile> <= <threshold> ms"}), for drawing thresholds on charts.
 *
 * @param metric metric tag, e.g. "e2e"
 * @param percentile e.g. 99.0
 * @param thresholdMillis the threshold
 */
record SloLine(String metric, double percentile, double thresholdMillis) {
  private static final Pattern FORM =
      Pattern.compile("(\\S+) p([0-9]+(?:\\.[0-9]+)?) <= ([0-9]+(?:\\.[0-9]+)?) ms");

  /** The objectives of a run; strings in another form are left out (they are still listed). */
  static List<SloLine> of(Map<String, Object> slo) {
    List<SloLine> lines = new ArrayList<>();
    for (String text : objectives(slo)) {
      Matcher m = FORM.matcher(text.trim());
      if (m.matches()) {
        lines.add(new SloLine(m.group(1), Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3))));
      }
    }
    return lines;
  }

  /** The objective strings of {@code plan.slo}, empty when there are none. */
  static List<String> objectives(Map<String, Object> slo) {
    Object o = slo == null ? null : slo.get("objectives");
    List<String> texts = new ArrayList<>();
    if (o instanceof List<?>) {
      for (Object item : (List<?>) o) {
        texts.add(String.valueOf(item));
      }
    }
    return texts;
  }

  /** {@code plan.slo.maxErrorRate}, or null. */
  static Double maxErrorRate(Map<String, Object> slo) {
    Object o = slo == null ? null : slo.get("maxErrorRate");
    return o instanceof Number ? ((Number) o).doubleValue() : null;
  }

  /** The percentile's key in results ("p99", "p99.9"). */
  String percentileKey() {
    return "p" + Formats.plain(percentile);
  }

  /** Label drawn beside the threshold line: "SLO p99 ≤ 250 ms". */
  String label() {
    return String.format(Locale.ROOT, "SLO %s %s ≤ %s ms", metric, percentileKey(),
        Formats.plain(thresholdMillis));
  }
}
