package dev.harness.report;

import dev.harness.report.RecommendRows.Row;
import dev.harness.result.RecommendationResult;
import dev.harness.result.RecommendationResult.Candidate;
import dev.harness.result.RunResult;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Chart 6 ({@code harness recommend} only), the monthly fleet cost of each candidate for the
 * declared traffic: one horizontal bar per passing candidate, cheapest first (top), at the cost
 * of its fleet sized with the capacity point estimate, and a lighter band over the cost range the
 * capacity bracket allows (results.json {@code monthlyCost.low}…{@code high}); overlapping bands
 * are the ties the ranking marks "=". Candidates that did not pass follow as rows without a bar,
 * labelled at zero with their reason ("rejected: does-not-fit", "not run"). Drawn when at least
 * one candidate passed.
 */
final class FleetCostChart {
  static final String FILE = "fleet-cost";

  private static final Color BAR = new Color(0x1f77b4);
  private static final Color RANGE = new Color(31, 119, 180, 70);
  private static final Color REJECTED = new Color(0x8b0000);

  private FleetCostChart() {}

  static Optional<JFreeChart> create(RunResult r) {
    RecommendationResult rec = r.recommendation();
    if (rec == null) {
      return Optional.empty();
    }
    List<Row> ranked = new ArrayList<>();
    for (Row row : RecommendRows.ranked(rec)) {
      if (row.candidate().monthlyCost() != null) {
        ranked.add(row);
      }
    }
    if (ranked.isEmpty()) {
      return Optional.empty();
    }
    List<String> labels = new ArrayList<>();
    XYIntervalSeries range = new XYIntervalSeries("cost range over the capacity bracket");
    XYIntervalSeries point = new XYIntervalSeries("monthly cost at the point estimate");
    double max = 0;
    for (Row row : ranked) {
      Candidate c = row.candidate();
      int y = labels.size();
      labels.add(RecommendRows.rank(c) + "  " + c.name());
      RecommendationResult.Range m = c.monthlyCost();
      range.add(y, y - 0.38, y + 0.38, m.point(), Math.min(m.low(), m.point()),
          Math.max(m.high(), m.point()));
      point.add(y, y - 0.22, y + 0.22, m.point(), 0, m.point());
      max = Math.max(max, Math.max(m.high(), m.point()));
    }
    List<String> notes = new ArrayList<>();
    for (Candidate c : rec.candidates()) {
      if (!"passed".equals(c.status()) || c.monthlyCost() == null) {
        labels.add(c.name());
        notes.add("rejected".equals(c.status()) ? "rejected: " + c.rejectionReason()
            : "not-run".equals(c.status()) ? "not run" : c.status());
      }
    }
    XYIntervalSeriesCollection bands = new XYIntervalSeriesCollection();
    bands.addSeries(range);
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    bars.addSeries(point);
    SymbolAxis candidates = new SymbolAxis("candidate (rank)", labels.toArray(new String[0]));
    candidates.setInverted(true);
    candidates.setGridBandsVisible(false);
    XYPlot plot = new XYPlot(bands, candidates,
        ChartStyle.axis("fleet cost ($ per month, for the declared traffic)"),
        renderer(RANGE));
    plot.setDataset(1, bars);
    plot.setRenderer(1, renderer(BAR));
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    for (int i = 0; i < notes.size(); i++) {
      // in a horizontal plot an annotation's x is the domain (the row), y the cost
      XYTextAnnotation a = new XYTextAnnotation("  " + notes.get(i), ranked.size() + i, 0);
      a.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 13));
      a.setPaint(REJECTED);
      a.setTextAnchor(TextAnchor.CENTER_LEFT);
      plot.addAnnotation(a);
    }
    plot.getRangeAxis().setRange(0, max * 1.15);
    JFreeChart chart = ChartStyle.chart("Monthly fleet cost per candidate (cheapest first; "
        + "band: over the capacity bracket)", plot);
    candidates.setTickLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 13));
    return Optional.of(chart);
  }

  private static XYBarRenderer renderer(Color paint) {
    XYBarRenderer r = new XYBarRenderer();
    r.setUseYInterval(true);
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
    r.setSeriesPaint(0, paint);
    return r;
  }
}
