package dev.harness.report;

import dev.harness.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * Every chart that applies to a run, in report order. Charts whose data a run lacks are left out
 * (no capacity curve without open-loop steps, no over-time chart without a latency log).
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
    add(charts, "server-utilisation", serverUtilisation(r));
    add(charts, LatencyOverTimeChart.FILE, LatencyOverTimeChart.create(r, log));
    add(charts, PercentileChart.FILE, PercentileChart.create(r, log));
    return charts;
  }

  /**
   * Hook for chart 5, server-side utilisation and queue (GPU busy %, KV-cache usage, waiting
   * requests) against offered rate. Results carry no server metrics yet, so there is no chart;
   * once {@code StepResult} has them, build it here.
   */
  static Optional<JFreeChart> serverUtilisation(RunResult r) {
    return Optional.empty();
  }

  private static void add(List<Named> charts, String file, Optional<JFreeChart> chart) {
    chart.ifPresent(c -> charts.add(new Named(file, c)));
  }
}
