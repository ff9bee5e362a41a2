package dev.harness.report;

import dev.harness.record.LatencySummary;
import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 4, the percentile distribution of one step's end-to-end latency, HdrHistogram style: the
 * x axis is 1 / (1 − q) on a log scale, so 90 %, 99 %, 99.9 % … are evenly spaced (the plot
 * HdrHistogram's own {@code HistogramLogProcessor} output is drawn with). The step is the highest
 * passing search step of a capacity run, else the last step with latencies. The curve comes from
 * the step's {@code latency.hlog} intervals ({@link LatencyLog}); the cohort's exact percentiles
 * from results.json are drawn as points on it, and alone when there is no log.
 */
final class PercentileChart {
  static final String FILE = "percentiles";

  private PercentileChart() {}

  static Optional<JFreeChart> create(RunResult r, LatencyLog log) {
    StepResult step = chosen(r);
    if (step == null) {
      return Optional.empty();
    }
    XYSeriesCollection data = new XYSeriesCollection();
    double max = 0;
    double maxX = 0;
    Histogram h = log.stepE2e(step.index());
    if (h != null && h.getTotalCount() > 0) {
      XYSeries curve = new XYSeries("e2e, from latency.hlog", false, true);
      for (HistogramIterationValue v : h.percentiles(5)) {
        double q = v.getPercentileLevelIteratedTo();
        if (q >= 100) {
          break;
        }
        double ms = v.getValueIteratedTo() / 1000.0;
        curve.add(1 / (1 - q / 100), ms);
        max = Math.max(max, ms);
        maxX = Math.max(maxX, 1 / (1 - q / 100));
      }
      data.addSeries(curve);
    }
    LatencySummary l = step.latencies().get("e2e");
    XYSeries points = new XYSeries("e2e p50 / p90 / p95 / p99 / p99.9, results.json", true, true);
    double[] qs = {50, 90, 95, 99, 99.9};
    List<String> keys = List.of("p50", "p90", "p95", "p99", "p99.9");
    for (int i = 0; i < qs.length; i++) {
      double ms = l.valueMillis(keys.get(i));
      points.add(1 / (1 - qs[i] / 100), ms);
      max = Math.max(max, ms);
    }
    data.addSeries(points);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    int pts = data.getSeriesCount() - 1;
    if (pts == 1) {
      renderer.setSeriesPaint(0, ChartStyle.P50);
      renderer.setSeriesStroke(0, ChartStyle.stroke(2f, false));
      renderer.setSeriesShapesVisible(0, false);
    }
    renderer.setSeriesPaint(pts, ChartStyle.EXTRA);
    renderer.setSeriesLinesVisible(pts, false);

    LogAxis x = new LogAxis("percentile (log scale of 1 / (1 − q))");
    x.setBase(10);
    x.setSmallestValue(1);
    x.setTickUnit(new NumberTickUnit(1));
    x.setNumberFormatOverride(new PercentileFormat());
    x.setLowerBound(1);
    x.setUpperBound(Math.max(1000, maxX) * 2);
    XYPlot plot = new XYPlot(data, x, ChartStyle.axis("end-to-end latency (ms)"), renderer);
    double thresholdMax = 0;
    for (SloLine s : SloLine.of(r.plan().slo())) {
      if (s.metric().equals("e2e")) {
        ChartStyle.threshold(plot, s.thresholdMillis(), s.label());
        thresholdMax = Math.max(thresholdMax, s.thresholdMillis());
      }
    }
    ChartStyle.fitRange(plot, max, thresholdMax);
    return Optional.of(ChartStyle.chart("Latency by percentile, step " + step.name()
        + " (n=" + l.n() + ")", plot));
  }

  /** The highest passing search step, else the last step with e2e values; null if none. */
  static StepResult chosen(RunResult r) {
    if (r.capacity() != null) {
      CapacityStep best = null;
      for (CapacityStep c : r.capacity().steps()) {
        if ("pass".equals(c.verdict()) && c.offeredRps() != null && hasE2e(r, c.resultStep())
            && (best == null || c.offeredRps() >= best.offeredRps())) {
          best = c;
        }
      }
      if (best != null) {
        return r.steps().get(best.resultStep());
      }
      for (int i = r.capacity().steps().size() - 1; i >= 0; i--) {
        int s = r.capacity().steps().get(i).resultStep();
        if (hasE2e(r, s)) {
          return r.steps().get(s);
        }
      }
      return null;
    }
    for (int i = r.steps().size() - 1; i >= 0; i--) {
      if (hasE2e(r, i)) {
        return r.steps().get(i);
      }
    }
    return null;
  }

  private static boolean hasE2e(RunResult r, int index) {
    if (index < 0 || index >= r.steps().size()) {
      return false;
    }
    LatencySummary l = r.steps().get(index).latencies().get("e2e");
    return l != null && l.n() > 0;
  }

  /** Tick labels of the 1 / (1 − q) axis as percentiles: 10 → "90%", 1000 → "99.9%". */
  private static final class PercentileFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double v, StringBuffer sb, FieldPosition pos) {
      double q = 100 * (1 - 1 / v);
      int decimals = (int) Math.max(0, Math.round(Math.log10(v)) - 2);
      return sb.append(String.format(Locale.ROOT, "%." + decimals + "f%%", q));
    }

    @Override
    public StringBuffer format(long v, StringBuffer sb, FieldPosition pos) {
      return format((double) v, sb, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      return null;
    }
  }
}
