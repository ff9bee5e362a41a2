package dev.harness.report;

import dev.harness.result.RunResult;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * {@code charts/<name>.png} and {@code charts/<name>.svg} for every chart of {@link ReportCharts},
 * 1000×600 px, drawn headless with JFreeChart (PNG through ImageIO) and JFreeSVG (SVG, text kept
 * as text).
 */
final class Charts implements ReportWriter {
  static final String DIR = "charts";

  private final LatencyLog log;

  Charts(LatencyLog log) {
    this.log = log;
  }

  @Override
  public String name() {
    return DIR + "/";
  }

  @Override
  public List<Path> write(RunResult result, Path dir) throws IOException {
    Path charts = dir.resolve(DIR);
    Files.createDirectories(charts);
    List<Path> written = new ArrayList<>();
    for (ReportCharts.Named c : ReportCharts.of(result, log)) {
      Path png = charts.resolve(c.file() + ".png");
      // opaque RGB: the charts have a white background, and no alpha channel encodes faster
      BufferedImage image = c.chart().createBufferedImage(ChartStyle.WIDTH, ChartStyle.HEIGHT,
          BufferedImage.TYPE_INT_RGB, null);
      try (OutputStream out = Files.newOutputStream(png)) {
        if (!ImageIO.write(image, "png", out)) {
          throw new IOException("no PNG encoder in this JRE");
        }
      }
      written.add(png);
      Path svg = charts.resolve(c.file() + ".svg");
      Files.writeString(svg, svgDocument(c.chart(), c.file()), StandardCharsets.UTF_8);
      written.add(svg);
    }
    return written;
  }

  /** A standalone SVG file of the chart. */
  static String svgDocument(JFreeChart chart, String id) {
    return draw(chart, id).getSVGDocument();
  }

  /**
   * An {@code <svg>} element to embed in HTML: scales to its container (view box, no fixed size),
   * and its definitions (clip paths) carry {@code id} as prefix so that several charts on one
   * page do not share ids.
   */
  static String svgElement(JFreeChart chart, String id) {
    return draw(chart, id).getSVGElement("chart-" + id, false,
        new ViewBox(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT), null, null);
  }

  private static SVGGraphics2D draw(JFreeChart chart, String id) {
    SVGGraphics2D g = new SVGGraphics2D(ChartStyle.WIDTH, ChartStyle.HEIGHT);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT));
    return g;
  }
}
