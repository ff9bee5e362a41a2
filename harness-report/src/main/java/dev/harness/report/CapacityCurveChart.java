package dev.harness.report;

import dev.harness.result.CapacityResult;
import dev.harness.result.RunResult;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 1, the capacity curve: achieved (and, for capacity runs, goodput) rate against offered
 * rate, the line achieved = offered that a keeping-up endpoint follows, and the sustainable
 * bracket [highest pass, lowest fail] shaded, with the point estimate and the LLM saturation
 * throughput marked.
 */
final class CapacityCurveChart {
  static final String FILE = "capacity-curve";

  private CapacityCurveChart() {}

  static Optional<JFreeChart> create(RunResult r) {
    List<CurveRow> rows = CurveRow.of(r);
    XYSeries achieved = new XYSeries("achieved (successes/s)", true, true);
    XYSeries goodput = new XYSeries("goodput (meeting every objective, /s)", true, true);
    double maxX = 0;
    double maxY = 0;
    for (CurveRow row : rows) {
      if (row.offeredRps() == null) {
        continue;
      }
      achieved.add(row.offeredRps().doubleValue(), row.achievedRps());
      if (row.goodputRps() != null) {
        goodput.add(row.offeredRps().doubleValue(), row.goodputRps().doubleValue());
      }
      maxX = Math.max(maxX, row.offeredRps());
      maxY = Math.max(maxY, row.achievedRps());
    }
    if (achieved.isEmpty()) {
      return Optional.empty();
    }
    CapacityResult c = r.capacity();
    if (c != null && c.saturationRps() != null) {
      maxY = Math.max(maxY, c.saturationRps());
    }
    double top = Math.max(maxX, maxY) * 1.08;
    XYSeries ideal = new XYSeries("achieved = offered");
    ideal.add(0, 0);
    ideal.add(top, top);

    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(achieved);
    if (!goodput.isEmpty()) {
      data.addSeries(goodput);
    }
    data.addSeries(ideal);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, ChartStyle.P50);
    renderer.setSeriesStroke(0, ChartStyle.stroke(2.5f, false));
    int next = 1;
    if (!goodput.isEmpty()) {
      renderer.setSeriesPaint(next, ChartStyle.P90);
      renderer.setSeriesStroke(next, ChartStyle.stroke(1.5f, false));
      next++;
    }
    renderer.setSeriesPaint(next, ChartStyle.IDEAL);
    renderer.setSeriesStroke(next, ChartStyle.stroke(1.2f, true));
    renderer.setSeriesShapesVisible(next, false);

    XYPlot plot = new XYPlot(data, ChartStyle.axis("offered rate (requests/s)"),
        ChartStyle.axis("achieved rate (requests/s)"), renderer);
    plot.getDomainAxis().setRange(0, top);
    plot.getRangeAxis().setRange(0, top);
    if (c != null) {
      mark(plot, c);
    }
    return Optional.of(ChartStyle.chart(
        c == null ? "Offered vs achieved rate" : "Capacity curve", plot));
  }

  private static void mark(XYPlot plot, CapacityResult c) {
    CapacityResult.Sustainable s = c.sustainable();
    if (s != null && s.highestPass() != null && s.lowestFail() != null) {
      ChartStyle.band(plot, s.highestPass(), s.lowestFail(), "sustainable ["
          + Formats.rate(s.highestPass()) + ", " + Formats.rate(s.lowestFail()) + "] req/s",
          ChartStyle.BRACKET);
    } else if (s != null && s.highestPass() != null) {
      ChartStyle.vertical(plot, s.highestPass(),
          "highest pass " + Formats.rate(s.highestPass()) + " req/s", ChartStyle.P90);
    }
    if (s != null && s.pointEstimate() != null) {
      ChartStyle.vertical(plot, s.pointEstimate(),
          "point estimate " + Formats.rate(s.pointEstimate()) + " req/s", ChartStyle.P90);
    }
    if (c.saturationRps() != null) {
      ChartStyle.threshold(plot, c.saturationRps(),
          "saturation throughput " + Formats.rate(c.saturationRps()) + " req/s");
    }
  }
}
