package dev.harness.report;

import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 3, latency over time across the run: p50 and p99 of end-to-end latency (and p99 TTFT for
 * LLM runs) per interval of {@code latency.hlog} (warm-up intervals included, by their {@code
 * warmup-} tags), each step's window shaded and labelled (warm-ups in yellow; a search step as
 * long as it measured, labelled with its number in the tables) and the SLO thresholds drawn.
 */
final class LatencyOverTimeChart {
  static final String FILE = "latency-over-time";

  /** The hlog tag of the generator's own pauses ({@code Metric.HICCUP}). */
  private static final String HICCUP = "hiccup";

  /**
   * A step window is labelled only when it spans at least this share of the run: about 90 px of
   * the plot for a step name such as "418.8 req/s", 30 px for a search step's number ("#3", as
   * in the tables); narrower ones would overlap.
   */
  private static final double MIN_SHARE_NAME = 0.1;

  private static final double MIN_SHARE_NUMBER = 0.03;

  private LatencyOverTimeChart() {}

  static Optional<JFreeChart> create(RunResult r, LatencyLog log) {
    XYSeriesCollection data = new XYSeriesCollection();
    double[] max = {0};
    add(data, log, "e2e", "p50", max);
    add(data, log, "e2e", "p99", max);
    add(data, log, "ttft", "p99", max);
    if (data.getSeriesCount() == 0) {
      return Optional.empty();
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      String key = data.getSeriesKey(i).toString();
      renderer.setSeriesPaint(i, key.startsWith("ttft") ? ChartStyle.OTHER
          : key.endsWith("p50") ? ChartStyle.P50 : ChartStyle.P99);
      renderer.setSeriesStroke(i, ChartStyle.stroke(1.8f, false));
    }
    XYPlot plot = new XYPlot(data, ChartStyle.axis("time since start (s)"),
        ChartStyle.axis("latency (ms)"), renderer);
    shadeSteps(plot, r);
    int pauses = markPauses(plot, r, log);
    double thresholdMax = 0;
    for (SloLine s : SloLine.of(r.plan().slo())) {
      if (s.metric().equals("e2e") || s.metric().equals("ttft")) {
        ChartStyle.threshold(plot, s.thresholdMillis(), s.label());
        thresholdMax = Math.max(thresholdMax, s.thresholdMillis());
      }
    }
    ChartStyle.fitRange(plot, max[0], thresholdMax);
    String title = "Latency over time (per interval of latency.hlog)";
    if (pauses > 0) {
      title += String.format(Locale.ROOT, "; red: generator paused ≥ %s ms",
          Formats.plain(pauseBoundMillis(r)));
    }
    return Optional.of(ChartStyle.chart(title, plot));
  }

  /**
   * The pause of the load generator that makes a capacity step invalid: 10 × max(5 ms, 5 % of the
   * tightest latency threshold), 500 ms without objectives — the bound the capacity runner judges
   * a step's generator by (harness-core {@code EngineStepRunner.generatorFault}).
   */
  static double pauseBoundMillis(RunResult r) {
    double tightest = SloLine.of(r.plan().slo()).stream().mapToDouble(SloLine::thresholdMillis)
        .min().orElse(1000);
    return 10 * Math.max(5, 0.05 * tightest);
  }

  /**
   * Shades, in red, each run of consecutive {@code hiccup} intervals of latency.hlog (the
   * generator's 1 ms sleeper, warm-ups included) whose longest pause reached {@link
   * #pauseBoundMillis}, labelled with that pause. Returns how many were marked.
   */
  private static int markPauses(XYPlot plot, RunResult r, LatencyLog log) {
    double bound = pauseBoundMillis(r);
    List<LatencyLog.Interval> paused = new ArrayList<>();
    for (String tag : List.of(HICCUP, "warmup-" + HICCUP)) {
      for (LatencyLog.Interval in : log.intervals(tag)) {
        if (in.maxMillis() >= bound) {
          paused.add(in);
        }
      }
    }
    paused.sort(Comparator.comparingDouble(LatencyLog.Interval::startSeconds));
    int marked = 0;
    for (int i = 0; i < paused.size(); ) {
      double from = paused.get(i).startSeconds();
      double to = paused.get(i).endSeconds();
      double longest = paused.get(i).maxMillis();
      int j = i + 1;
      while (j < paused.size() && paused.get(j).startSeconds() <= to + 1e-6) {
        to = Math.max(to, paused.get(j).endSeconds());
        longest = Math.max(longest, paused.get(j).maxMillis());
        j++;
      }
      ChartStyle.pause(plot, from, to, "pause " + Formats.millis(longest) + " ms");
      marked++;
      i = j;
    }
    return marked;
  }

  /** One series from the {@code tag} and {@code warmup-tag} intervals, at their midpoints. */
  private static void add(XYSeriesCollection data, LatencyLog log, String tag, String percentile,
      double[] max) {
    XYSeries s = new XYSeries(tag + " " + percentile, true, true);
    for (String t : List.of(tag, "warmup-" + tag)) {
      for (LatencyLog.Interval in : log.intervals(t)) {
        double v = "p50".equals(percentile) ? in.p50Millis() : in.p99Millis();
        s.add(in.midSeconds(), v);
        max[0] = Math.max(max[0], v);
      }
    }
    if (!s.isEmpty()) {
      data.addSeries(s);
    }
  }

  private static void shadeSteps(XYPlot plot, RunResult r) {
    Set<Integer> warmups = new HashSet<>();
    Set<Integer> invalid = new HashSet<>();
    Map<Integer, Double> measured = new HashMap<>();
    Map<Integer, String> numbers = new HashMap<>();
    if (r.capacity() != null) {
      for (CapacityStep c : r.capacity().steps()) {
        if (c.warmupStep() != null) {
          warmups.add(c.warmupStep());
        }
        measured.put(c.resultStep(), c.measuredSeconds());
        if ("invalid".equals(c.verdict())) {
          invalid.add(c.resultStep());
        }
        numbers.put(c.resultStep(), "#" + (c.index() + 1));
      }
    }
    double span = r.steps().stream()
        .mapToDouble(s -> s.startOffsetSeconds() + s.durationSeconds()).max().orElse(0);
    int shade = 0;
    for (StepResult s : r.steps()) {
      // a search step that ended early (conclusive) measured less than its planned window
      double seconds = Math.min(s.durationSeconds(),
          measured.getOrDefault(s.index(), s.durationSeconds()));
      double from = s.startOffsetSeconds();
      double to = from + seconds;
      if (warmups.contains(s.index())) {
        ChartStyle.band(plot, from, to, null, ChartStyle.WARMUP);
      } else {
        String label = numbers.getOrDefault(s.index(), s.name());
        double minShare = numbers.containsKey(s.index()) ? MIN_SHARE_NUMBER : MIN_SHARE_NAME;
        boolean wide = span > 0 && seconds / span >= minShare;
        if (invalid.contains(s.index())) {
          // the generator was at fault: the step's latencies are not the endpoint's
          ChartStyle.band(plot, from, to, wide ? label + " invalid (generator)" : null,
              ChartStyle.INVALID);
          continue;
        }
        ChartStyle.band(plot, from, to, wide ? label : null,
            shade++ % 2 == 0 ? ChartStyle.STEP_A : ChartStyle.STEP_B);
      }
    }
  }
}
