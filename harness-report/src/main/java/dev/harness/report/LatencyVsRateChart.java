package dev.harness.report;

import dev.harness.record.LatencySummary;
import dev.harness.result.RunResult;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Chart 2, latency against offered rate for one metric (e2e; TTFT and ITL for LLM runs): p50,
 * p90 and p99 of each step, the confidence interval of each percentile as an error bar where the
 * results have one (capacity steps: distribution-free interval of the cohort's percentile), and
 * the metric's SLO thresholds as horizontal lines.
 */
final class LatencyVsRateChart {
  private static final List<String> PERCENTILES = List.of("p50", "p90", "p99");

  private LatencyVsRateChart() {}

  /** File stem for {@code metric}: "latency-vs-rate" for e2e, else "ttft-vs-rate", …. */
  static String file(String metric) {
    return "e2e".equals(metric) ? "latency-vs-rate" : metric + "-vs-rate";
  }

  static Optional<JFreeChart> create(RunResult r, String metric) {
    List<CurveRow> rows = CurveRow.of(r);
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    double max = 0;
    for (String p : PERCENTILES) {
      YIntervalSeries series = new YIntervalSeries(metric + " " + p, true, true);
      for (CurveRow row : rows) {
        LatencySummary l = row.latency(metric);
        if (row.offeredRps() == null || l == null) {
          continue;
        }
        double v = l.valueMillis(p);
        List<Double> ci = row.interval(metric, p);
        double lo = ci == null ? v : Math.min(v, ci.get(0));
        double hi = ci == null ? v : Math.max(v, ci.get(1));
        series.add(row.offeredRps(), v, lo, hi);
        max = Math.max(max, hi);
      }
      if (!series.isEmpty()) {
        data.addSeries(series);
      }
    }
    if (data.getSeriesCount() == 0) {
      return Optional.empty();
    }
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(true);
    renderer.setDefaultShapesVisible(true);
    renderer.setCapLength(6);
    java.awt.Color[] colours = {ChartStyle.P50, ChartStyle.P90, ChartStyle.P99};
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, colours[i % colours.length]);
      renderer.setSeriesStroke(i, ChartStyle.stroke(2f, false));
    }
    XYPlot plot = new XYPlot(data, ChartStyle.axis("offered rate (requests/s)"),
        ChartStyle.axis(label(metric) + " (ms)"), renderer);
    double thresholdMax = 0;
    for (SloLine s : SloLine.of(r.plan().slo())) {
      if (s.metric().equals(metric)) {
        ChartStyle.threshold(plot, s.thresholdMillis(), s.label());
        thresholdMax = Math.max(thresholdMax, s.thresholdMillis());
      }
    }
    ChartStyle.fitRange(plot, max, thresholdMax);
    boolean anyCi = rows.stream().anyMatch(row -> row.interval(metric, "p99") != null);
    return Optional.of(ChartStyle.chart(label(metric) + " latency vs offered rate"
        + (anyCi ? " (bars: confidence intervals)" : ""), plot));
  }

  /** Display name of a metric tag. */
  static String label(String metric) {
    switch (metric) {
      case "e2e":
        return "end-to-end";
      case "ttft":
        return "TTFT";
      case "itl":
        return "ITL";
      default:
        return metric;
    }
  }
}
