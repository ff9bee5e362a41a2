package dev.harness.metrics.cloudwatch;

import dev.harness.metrics.ServerMetric;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One CloudWatch metric statistic to read, and the series made of it.
 *
 * @param id GetMetricData query id (unique in a request; a lower-case letter, then letters, digits
 *     and '_')
 * @param namespace e.g. {@code /aws/sagemaker/Endpoints}
 * @param metricName e.g. {@code GPUUtilization}
 * @param dimensions exact dimension set of the metric (sorted by name)
 * @param stat CloudWatch statistic, e.g. {@code Average}, {@code Sum}
 * @param labels labels of the series made of it (empty for an endpoint- or host-wide figure)
 * @param outputs the series made of each point
 */
record MetricQuery(
    String id,
    String namespace,
    String metricName,
    Map<String, String> dimensions,
    String stat,
    Map<String, String> labels,
    List<Output> outputs) {

  MetricQuery {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("bad query id '" + id + "'");
    }
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(metricName, "metricName");
    Objects.requireNonNull(stat, "stat");
    dimensions = new TreeMap<>(dimensions);
    labels = Map.copyOf(labels);
    outputs = List.copyOf(outputs);
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("query " + id + " has no outputs");
    }
  }

  /** How the metric reads in notes: {@code AWS/SageMaker ModelLatency {EndpointName=x}}. */
  String describe() {
    return namespace + " " + metricName + " " + dimensions;
  }

  /**
   * One series made of a query: each CloudWatch value times {@code scale}.
   *
   * @param name series name (canonical {@link ServerMetric} id or CloudWatch's own name)
   * @param unit unit after scaling
   * @param scale factor from CloudWatch's unit to {@code unit}
   * @param aggregate how per-device series of this name combine into an aggregate series; null
   *     for none
   */
  record Output(String name, String unit, double scale, ServerMetric.Aggregation aggregate) {
    Output {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(unit, "unit");
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException("scale of " + name + " must be > 0, got " + scale);
      }
    }

    /** CloudWatch's value as it is, under CloudWatch's own name. */
    static Output raw(String name, String unit) {
      return new Output(name, unit, 1, null);
    }

    /** A canonical metric: {@code value × scale} in the metric's unit. */
    static Output canonical(ServerMetric metric, double scale) {
      return new Output(metric.id(), metric.unit(), scale, metric.aggregation());
    }
  }
}
