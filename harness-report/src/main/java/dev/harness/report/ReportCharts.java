package dev.harness.report;

import dev.harness.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * Every chart that applies to a run, in report order. Charts whose data a run lacks are left out
 * (no capacity curve without open-loop steps, no over-time chart without a latency log, no
 * server utilisation without server metrics, the fleet cost only for a recommendation).
 */
final class ReportCharts {
  /**
   * One chart and the file stem it is written under ({@code charts/<file>.png}, {@code .svg}).
   *
   * @param file file stem, e.g. "capacity-curve"
   * @param chart the chart, ready to draw
   */
  record Named(String file, JFreeChart chart) {
    String title() {
      return chart.getTitle() == null ? file : chart.getTitle().getText();
    }
  }

  private ReportCharts() {}

  static List<Named> of(RunResult r, LatencyLog log) {
    List<Named> charts = new ArrayList<>();
    add(charts, CapacityCurveChart.FILE, CapacityCurveChart.create(r));
    for (String metric : List.of("e2e", "ttft", "itl")) {
      add(charts, LatencyVsRateChart.file(metric), LatencyVsRateChart.create(r, metric));
    }
    add(charts, ServerUtilisationChart.FILE, ServerUtilisationChart.create(r));
    add(charts, LatencyOverTimeChart.FILE, LatencyOverTimeChart.create(r, log));
    add(charts, PercentileChart.FILE, PercentileChart.create(r, log));
    add(charts, FleetCostChart.FILE, FleetCostChart.create(r));
    return charts;
  }

  /**
   * What report.html says where a chart that belongs to this kind of run is missing for lack of
   * data (a capacity run without server metrics); empty otherwise.
   */
  static List<String> missing(RunResult r) {
    return r.capacity() != null && !ServerUtilisationChart.hasData(r)
        ? List.of(ServerUtilisationChart.NONE) : List.of();
  }

  private static void add(List<Named> charts, String file, Optional<JFreeChart> chart) {
    chart.ifPresent(c -> charts.add(new Named(file, c)));
  }
}
