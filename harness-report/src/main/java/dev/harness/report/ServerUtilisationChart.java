package dev.harness.report;

import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 5, the server's side of the capacity curve: for each open-loop search step, what the
 * server's metrics source reported over the measured window (results.json {@code
 * capacity.steps[].serverMetrics}) against the offered rate — GPU busy and KV-cache usage as the
 * window's mean in percent on the left axis, waiting requests (the window's maximum and mean) on
 * the right axis. A series is drawn only when some step has it; without any server metric there
 * is no chart ({@link #NONE} says why in report.html).
 */
final class ServerUtilisationChart {
  static final String FILE = "server-utilisation";

  /** What report.html says in place of the chart for a capacity run without server metrics. */
  static final String NONE = "Server utilisation and queue: no server metrics (the plan has no "
      + "metrics source, or it reported nothing for the search steps).";

  static final String WAITING_MEAN = "requests_waiting.mean";

  private ServerUtilisationChart() {}

  /** True when some search step of {@code r} carries one of the charted server metrics. */
  static boolean hasData(RunResult r) {
    return r.capacity() != null && r.capacity().steps().stream().anyMatch(s -> s.offeredRps()
        != null && List.of(CapacityTable.BUSY_MEAN, CapacityTable.KV_MEAN,
            CapacityTable.WAITING_MAX, WAITING_MEAN).stream()
        .anyMatch(k -> finite(s, k) != null));
  }

  static Optional<JFreeChart> create(RunResult r) {
    if (!hasData(r)) {
      return Optional.empty();
    }
    XYSeriesCollection percent = new XYSeriesCollection();
    add(percent, r, "GPU busy % (mean)", CapacityTable.BUSY_MEAN, 100);
    add(percent, r, "KV-cache usage % (mean)", CapacityTable.KV_MEAN, 100);
    XYSeriesCollection queue = new XYSeriesCollection();
    add(queue, r, "waiting requests (max)", CapacityTable.WAITING_MAX, 1);
    add(queue, r, "waiting requests (mean)", WAITING_MEAN, 1);
    NumberAxis left = ChartStyle.axis("utilisation (%)");
    left.setRange(0, 105);
    XYPlot plot = new XYPlot(percent, ChartStyle.axis("offered rate (requests/s)"), left,
        renderer(percent, new Color[] {ChartStyle.P99, ChartStyle.OTHER}, false));
    if (queue.getSeriesCount() > 0) {
      NumberAxis right = ChartStyle.axis("waiting requests");
      plot.setRangeAxis(1, right);
      plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
      plot.setDataset(1, queue);
      plot.mapDatasetToRangeAxis(1, 1);
      plot.setRenderer(1, renderer(queue, new Color[] {ChartStyle.P50, ChartStyle.EXTRA}, true));
    }
    JFreeChart chart = ChartStyle.chart("Server utilisation and queue vs offered rate "
        + "(per search step)", plot);
    if (queue.getSeriesCount() > 0) {
      // ChartStyle styles the first range axis only
      NumberAxis right = (NumberAxis) plot.getRangeAxis(1);
      right.setLabelFont(left.getLabelFont());
      right.setTickLabelFont(left.getTickLabelFont());
      right.setLabelPaint(left.getLabelPaint());
      right.setTickLabelPaint(left.getTickLabelPaint());
    }
    return Optional.of(chart);
  }

  private static void add(XYSeriesCollection data, RunResult r, String name, String key,
      double scale) {
    XYSeries s = new XYSeries(name, true, true);
    for (CapacityStep c : r.capacity().steps()) {
      Double v = finite(c, key);
      if (c.offeredRps() != null && v != null) {
        s.add(c.offeredRps().doubleValue(), v * scale);
      }
    }
    if (!s.isEmpty()) {
      data.addSeries(s);
    }
  }

  private static Double finite(CapacityStep s, String key) {
    Double v = s.serverMetrics().get(key);
    return v == null || !Double.isFinite(v) ? null : v;
  }

  private static XYLineAndShapeRenderer renderer(XYSeriesCollection data, Color[] colours,
      boolean dashed) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      r.setSeriesPaint(i, colours[i % colours.length]);
      r.setSeriesStroke(i, ChartStyle.stroke(2f, dashed));
    }
    return r;
  }
}
