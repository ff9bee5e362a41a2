package dev.harness.metrics.cloudwatch;

import dev.harness.metrics.Sample;
import dev.harness.metrics.Series;
import dev.harness.metrics.ServerMetric;
import dev.harness.metrics.cloudwatch.MetricQuery.Output;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns CloudWatch's points into series: each query's outputs (scaled), then, for outputs that
 * aggregate and were read per device, one series without labels that combines the devices period
 * by period (sum or mean of the devices that have a value in that period).
 */
final class SeriesBuilder {
  private SeriesBuilder() {}

  /** The series of {@code queries}, keeping only periods that start in {@code [from, to)}. */
  static List<Series> build(List<MetricQuery> queries, Map<String, TreeMap<Instant, Double>> raw,
      Instant from, Instant to) {
    List<Series> out = new ArrayList<>();
    Map<String, List<Series>> perDevice = new LinkedHashMap<>();
    Map<String, Output> aggregated = new LinkedHashMap<>();
    for (MetricQuery q : queries) {
      TreeMap<Instant, Double> points = raw.getOrDefault(q.id(), new TreeMap<>());
      Map<Instant, Double> window = points.subMap(from, true, to, false);
      for (Output o : q.outputs()) {
        List<Sample> samples = new ArrayList<>();
        window.forEach((t, v) -> samples.add(new Sample(t, v * o.scale())));
        Series s = new Series(o.name(), o.unit(), q.labels(), samples);
        out.add(s);
        if (o.aggregate() != null && !q.labels().isEmpty()) {
          perDevice.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(s);
          aggregated.put(o.name(), o);
        }
      }
    }
    perDevice.forEach((name, devices) -> {
      if (!devices.isEmpty()) {
        Output o = aggregated.get(name);
        out.add(new Series(name, o.unit(), Map.of(), combine(devices, o.aggregate())));
      }
    });
    return out;
  }

  private static List<Sample> combine(List<Series> devices, ServerMetric.Aggregation how) {
    TreeMap<Instant, double[]> byTime = new TreeMap<>();
    for (Series s : devices) {
      for (Sample p : s.points()) {
        double[] sumCount = byTime.computeIfAbsent(p.time(), t -> new double[2]);
        sumCount[0] += p.value();
        sumCount[1]++;
      }
    }
    List<Sample> out = new ArrayList<>();
    byTime.forEach((t, sc) -> out.add(new Sample(t,
        how == ServerMetric.Aggregation.SUM ? sc[0] : sc[0] / sc[1])));
    return out;
  }
}
