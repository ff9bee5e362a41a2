package dev.harness.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The look every chart shares: 1000×600 px, DejaVu Sans, white background, light grid, one colour
 * per percentile, SLO thresholds as dashed dark-red lines with their label. Applied per chart
 * (never through JFreeChart's global theme), so nothing static is changed.
 */
final class ChartStyle {
  static final int WIDTH = 1000;
  static final int HEIGHT = 600;
  static final String FONT = "DejaVu Sans";

  static final Color P50 = new Color(0x1f77b4);
  static final Color P90 = new Color(0x2ca02c);
  static final Color P99 = new Color(0xd62728);
  static final Color OTHER = new Color(0x9467bd);
  static final Color EXTRA = new Color(0xff7f0e);
  static final Color SLO = new Color(0x8b0000);
  static final Color IDEAL = new Color(0x888888);
  static final Color BRACKET = new Color(46, 160, 67, 70);
  static final Color STEP_A = new Color(0, 0, 0, 14);
  static final Color STEP_B = new Color(0, 0, 0, 30);
  static final Color GRID = new Color(0xdddddd);
  static final Color WARMUP = new Color(255, 200, 0, 40);
  static final Color INVALID = new Color(255, 120, 0, 60);
  static final Color PAUSE = new Color(214, 39, 40, 90);

  private ChartStyle() {}

  /**
   * A chart with a title and legend, in the house style. Fonts and colours are set on this chart
   * only (JFreeChart's themes would also reset the series colours chosen by each chart).
   */
  static JFreeChart chart(String title, XYPlot plot) {
    JFreeChart chart = new JFreeChart(title, new Font(FONT, Font.BOLD, 20), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(new Font(FONT, Font.PLAIN, 13));
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(Color.GRAY);
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    for (ValueAxis a : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
      a.setLabelFont(new Font(FONT, Font.BOLD, 14));
      a.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
      a.setLabelPaint(Color.DARK_GRAY);
      a.setTickLabelPaint(Color.DARK_GRAY);
    }
    return chart;
  }

  /**
   * A linear axis with its label (units in the label) and tick labels in {@link Locale#ROOT}
   * without grouping ("2000", "0.5"), like every number of the reports.
   */
  static NumberAxis axis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setAutoRangeIncludesZero(true);
    a.setStandardTickUnits(ticks());
    return a;
  }

  /** Tick sizes 1, 2, 5 × 10^k, each labelled with as many decimals as it needs. */
  private static TickUnits ticks() {
    TickUnits units = new TickUnits();
    for (int k = -4; k <= 9; k++) {
      DecimalFormat f = new DecimalFormat(k >= 0 ? "0" : "0." + "0".repeat(-k),
          DecimalFormatSymbols.getInstance(Locale.ROOT));
      for (int m : new int[] {1, 2, 5}) {
        units.add(new NumberTickUnit(m * Math.pow(10, k), f));
      }
    }
    return units;
  }

  /** A line of width {@code w}, dashed when asked. */
  static BasicStroke stroke(float w, boolean dashed) {
    return dashed
        ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f)
        : new BasicStroke(w);
  }

  /** A horizontal threshold line, labelled, in front of the data. */
  static void threshold(XYPlot plot, double value, String label) {
    ValueMarker m = new ValueMarker(value, SLO, stroke(2f, true));
    labelled(m, label, SLO, RectangleAnchor.TOP_RIGHT, TextAnchor.BOTTOM_RIGHT);
    plot.addRangeMarker(m, Layer.FOREGROUND);
  }

  /** A vertical line at {@code x}, labelled at its foot (band labels take the top). */
  static void vertical(XYPlot plot, double x, String label, Paint paint) {
    ValueMarker m = new ValueMarker(x, paint, stroke(1.5f, true));
    labelled(m, label, paint, RectangleAnchor.BOTTOM_RIGHT, TextAnchor.BOTTOM_LEFT);
    plot.addDomainMarker(m, Layer.FOREGROUND);
  }

  /** A shaded band from {@code from} to {@code to} on the x axis, behind the data. */
  static void band(XYPlot plot, double from, double to, String label, Paint paint) {
    IntervalMarker m = new IntervalMarker(from, to, paint);
    m.setOutlinePaint(null);
    if (label != null) {
      labelled(m, label, Color.DARK_GRAY, RectangleAnchor.TOP_LEFT, TextAnchor.TOP_LEFT);
    }
    plot.addDomainMarker(m, Layer.BACKGROUND);
  }

  /**
   * A generator pause from {@code from} to {@code to} on the x axis: red, in front of the step
   * bands, labelled at its foot (step labels take the top).
   */
  static void pause(XYPlot plot, double from, double to, String label) {
    IntervalMarker m = new IntervalMarker(from, to, PAUSE);
    m.setOutlinePaint(null);
    labelled(m, label, P99, RectangleAnchor.BOTTOM_LEFT, TextAnchor.BOTTOM_LEFT);
    plot.addDomainMarker(m, Layer.BACKGROUND);
  }

  /** Upper end of a range axis that shows the data and every threshold with some room. */
  static void fitRange(XYPlot plot, double dataMax, double thresholdMax) {
    double top = Math.max(dataMax, thresholdMax);
    if (top > 0) {
      plot.getRangeAxis().setRange(0, top * 1.12);
    }
  }

  private static void labelled(Marker m, String label, Paint paint, RectangleAnchor anchor,
      TextAnchor text) {
    m.setLabel(label);
    m.setLabelFont(new Font(FONT, Font.PLAIN, 12));
    m.setLabelPaint(paint);
    m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
    m.setLabelAnchor(anchor);
    m.setLabelTextAnchor(text);
    m.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
  }
}
