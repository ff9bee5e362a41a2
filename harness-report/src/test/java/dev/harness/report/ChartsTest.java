package dev.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.within;

import dev.harness.result.CapacityStep;
import dev.harness.result.RecommendationResult;
import dev.harness.result.RunResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ChartsTest {
  @TempDir Path dir;

  @Test
  void everyChartOfACapacityRunIsAValidPngAndSvg() throws Exception {
    RunResult r = Fixtures.capacityRun();
    Fixtures.writeHlog(dir, r, 20);

    List<Path> files = new Charts(LatencyLog.read(dir.resolve("latency.hlog"), r)).write(r, dir);

    assertThat(names(files)).containsExactly(
        "capacity-curve.png", "capacity-curve.svg", "latency-vs-rate.png", "latency-vs-rate.svg",
        "latency-over-time.png", "latency-over-time.svg", "percentiles.png", "percentiles.svg");
    for (Path f : files) {
      assertThat(f.getParent()).isEqualTo(dir.resolve("charts"));
      if (f.toString().endsWith(".png")) {
        BufferedImage image = ImageIO.read(f.toFile());
        assertThat(image).as(f.toString()).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
      } else {
        assertThat(svg(f).getDocumentElement().getNodeName()).isEqualTo("svg");
      }
    }
  }

  @Test
  void sloThresholdsAreDrawnAndLabelledOnTheLatencyCharts() throws Exception {
    RunResult r = Fixtures.capacityRun();
    Fixtures.writeHlog(dir, r, 20);
    new Charts(LatencyLog.read(dir.resolve("latency.hlog"), r)).write(r, dir);

    for (String chart : List.of("latency-vs-rate", "latency-over-time", "percentiles")) {
      assertThat(texts(dir.resolve("charts/" + chart + ".svg")))
          .as(chart).contains("SLO e2e p99 ≤ 50 ms");
    }
    assertThat(texts(dir.resolve("charts/capacity-curve.svg")))
        .contains("sustainable [60.0, 80.0] req/s", "point estimate 68.5 req/s");
  }

  @Test
  void llmRunsGetTtftAndItlChartsWithTheirOwnThresholds() throws Exception {
    RunResult r = Fixtures.llmRun();

    List<Path> files = new Charts(LatencyLog.empty()).write(r, dir);

    assertThat(names(files)).contains("ttft-vs-rate.svg", "itl-vs-rate.svg")
        // no latency log: nothing to draw over time, the percentile chart from results.json
        .doesNotContain("latency-over-time.svg").contains("percentiles.svg");
    assertThat(texts(dir.resolve("charts/ttft-vs-rate.svg"))).contains("SLO ttft p99 ≤ 2000 ms");
    assertThat(texts(dir.resolve("charts/itl-vs-rate.svg"))).noneMatch(t -> t.startsWith("SLO"));
  }

  @Test
  void tickLabelsIgnoreTheDefaultLocale() throws Exception {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      new Charts(LatencyLog.empty()).write(Fixtures.llmRun(), dir);
    } finally {
      java.util.Locale.setDefault(before);
    }

    List<String> texts = texts(dir.resolve("charts/latency-vs-rate.svg"));
    assertThat(texts).contains("20000").noneMatch(t -> t.matches("[0-9]+[.,][0-9]{3}"));
  }

  @Test
  void theFleetCostChartRanksCandidatesCheapestFirstWithTheirRangeAndListsTheOthers()
      throws Exception {
    RunResult r = Fixtures.recommendRun();

    List<Path> files = new Charts(LatencyLog.empty()).write(r, dir);

    assertThat(names(files)).containsExactly("fleet-cost.png", "fleet-cost.svg");
    XYPlot plot = FleetCostChart.create(r).orElseThrow().getXYPlot();
    assertThat(((SymbolAxis) plot.getDomainAxis()).getSymbols()).containsExactly(
        "1  sim-g5.2xlarge", "=2  sim-g5.4xlarge", "=2  sim-g5.12xlarge", "sim-g5.xlarge",
        "inf2");
    RecommendationResult rec = r.recommendation();
    XYIntervalSeriesCollection band = (XYIntervalSeriesCollection) plot.getDataset(0);
    XYIntervalSeriesCollection bar = (XYIntervalSeriesCollection) plot.getDataset(1);
    for (int i = 0; i < 3; i++) {
      RecommendationResult.Range m = candidate(rec, rec.ranking().get(i)).monthlyCost();
      assertThat(bar.getEndYValue(0, i)).isEqualTo(m.point());
      assertThat(band.getStartYValue(0, i)).isEqualTo(m.low());
      assertThat(band.getEndYValue(0, i)).isEqualTo(m.high());
    }
    assertThat(texts(dir.resolve("charts/fleet-cost.svg")))
        .anyMatch(t -> t.contains("rejected: does-not-fit"))
        .anyMatch(t -> t.contains("not run"));
  }

  @Test
  void theServerUtilisationChartIsDrawnOnlyFromServerMetrics() throws Exception {
    RunResult plain = Fixtures.capacityRun();
    RunResult measured = Fixtures.withServerMetrics(plain);

    assertThat(ServerUtilisationChart.create(plain)).isEmpty();
    assertThat(ReportCharts.missing(plain)).containsExactly(ServerUtilisationChart.NONE);
    assertThat(ReportCharts.missing(measured)).isEmpty();
    XYPlot plot = ServerUtilisationChart.create(measured).orElseThrow().getXYPlot();
    XYSeriesCollection percent = (XYSeriesCollection) plot.getDataset(0);
    XYSeriesCollection queue = (XYSeriesCollection) plot.getDataset(1);
    assertThat(percent.getSeries(0).getKey()).isEqualTo("GPU busy % (mean)");
    assertThat(queue.getSeries(0).getKey()).isEqualTo("waiting requests (max)");
    for (CapacityStep c : measured.capacity().steps()) {
      int i = percent.getSeries(0).indexOf(c.offeredRps());
      assertThat(percent.getSeries(0).getY(i).doubleValue())
          .isCloseTo(100 * c.serverMetrics().get("gpu_busy.mean"), within(1e-9));
      assertThat(queue.getSeries(0).getY(queue.getSeries(0).indexOf(c.offeredRps()))
          .doubleValue()).isEqualTo(c.serverMetrics().get("requests_waiting.max"));
    }
    assertThat(plot.getRangeAxisForDataset(1)).isNotSameAs(plot.getRangeAxisForDataset(0));
    List<Path> files = new Charts(LatencyLog.empty()).write(measured, dir);
    assertThat(names(files)).contains("server-utilisation.png", "server-utilisation.svg");
    assertThat(plot.getRangeAxis(0).getLabel()).isEqualTo("utilisation (%)");
    assertThat(plot.getRangeAxis(1).getLabel()).isEqualTo("waiting requests");
    assertThat(texts(dir.resolve("charts/server-utilisation.svg")))
        .contains("GPU busy % (mean)", "waiting requests (max)");
  }

  @Test
  void generatorPausesAndInvalidStepsAreMarkedOnTheLatencyOverTimeChart() throws Exception {
    // search step 2 (index 1, 80 req/s, window 45–75 s) judged invalid for a generator pause
    RunResult r = Fixtures.withInvalidStep(Fixtures.capacityRun(), 1,
        "the load generator paused for 300.0 ms (bound 50.0 ms)");
    Fixtures.writeHlog(dir, r, 20, 50, 300);

    XYPlot plot = LatencyOverTimeChart.create(r, LatencyLog.read(dir.resolve("latency.hlog"), r))
        .orElseThrow().getXYPlot();

    // SLO e2e p99 ≤ 50 ms: a pause counts from 10 × max(5, 2.5) = 50 ms; the others are ≤ 2 ms
    assertThat(LatencyOverTimeChart.pauseBoundMillis(r)).isEqualTo(50);
    List<IntervalMarker> pauses = new ArrayList<>();
    List<IntervalMarker> invalid = new ArrayList<>();
    for (Object o : plot.getDomainMarkers(Layer.BACKGROUND)) {
      IntervalMarker m = (IntervalMarker) o;
      if (m.getLabel() != null && m.getLabel().startsWith("pause")) {
        pauses.add(m);
      }
      if (m.getLabel() != null && m.getLabel().contains("invalid")) {
        invalid.add(m);
      }
    }
    assertThat(pauses).singleElement().satisfies(m -> {
      assertThat(m.getStartValue()).isEqualTo(50);
      assertThat(m.getEndValue()).isEqualTo(51);
      assertThat(m.getLabel()).isEqualTo("pause 300 ms");
    });
    assertThat(invalid).singleElement().satisfies(m -> {
      assertThat(m.getStartValue()).isEqualTo(45);
      assertThat(m.getLabel()).isEqualTo("#2 invalid (generator)");
    });
  }

  @Test
  void withoutPausesNothingIsMarked() throws Exception {
    RunResult r = Fixtures.capacityRun();
    Fixtures.writeHlog(dir, r, 20, 50, 1);

    XYPlot plot = LatencyOverTimeChart.create(r, LatencyLog.read(dir.resolve("latency.hlog"), r))
        .orElseThrow().getXYPlot();

    assertThat(plot.getDomainMarkers(Layer.BACKGROUND)).noneMatch(
        m -> String.valueOf(((IntervalMarker) m).getLabel()).matches("pause.*|.*invalid.*"));
  }

  private static RecommendationResult.Candidate candidate(RecommendationResult rec, String n) {
    return rec.candidates().stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow();
  }

  @Test
  void thePercentileChartShowsTheHighestPassingStep() {
    RunResult r = Fixtures.capacityRun();

    // steps 1 (40 req/s) and 5 (60 req/s) passed; 3 (80 req/s) failed
    assertThat(PercentileChart.chosen(r).index()).isEqualTo(5);
    assertThat(PercentileChart.chosen(Fixtures.llmRun()).name()).isEqualTo("climb#2");
  }

  static Document svg(Path f) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // the DOCTYPE names the SVG 1.0 DTD by URL: never fetch it
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(f.toFile());
  }

  /** The content of every {@code <text>} element. */
  static List<String> texts(Path svgFile) throws Exception {
    NodeList nodes = svg(svgFile).getElementsByTagName("text");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  private static List<String> names(List<Path> files) throws IOException {
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      assertThat(Files.size(f)).isPositive();
      names.add(f.getFileName().toString());
    }
    return names;
  }
}
