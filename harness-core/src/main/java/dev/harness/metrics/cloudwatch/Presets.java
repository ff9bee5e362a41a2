package dev.harness.metrics.cloudwatch;

import dev.harness.config.CloudWatchSpec;
import dev.harness.metrics.ServerMetric;
import dev.harness.metrics.cloudwatch.MetricQuery.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics each preset reads and how they become series.
 *
 * <p>SageMaker endpoint ({@code EndpointName}, {@code VariantName}): {@code GPUUtilization} and
 * {@code GPUMemoryUtilization} are summed over the instance's GPUs (0–100 × GPUs, per the
 * SageMaker developer guide's endpoint instance metrics), so besides the raw percent they give
 * {@code gpu_busy} and {@code gpu_memory_utilization} per GPU as ratios: value / (100 × gpus).
 * {@code CPUUtilization} (0–100 × vCPUs) and {@code MemoryUtilization} stay raw percent. {@code
 * ModelLatency} and {@code OverheadLatency} ({@code Average}) come in microseconds and leave in
 * ms; {@code Invocations} and {@code Invocation4XXErrors}/{@code 5XXErrors} are {@code Sum}s per
 * period.
 *
 * <p>EC2 host (CloudWatch agent, {@code InstanceId} plus the device dimensions found by
 * ListMetrics): {@code nvidia_smi_utilization_gpu} % → {@code gpu_busy} ratio; {@code
 * nvidia_smi_memory_used} MiB → {@code gpu_memory_used_bytes}; {@code nvidia_smi_memory_total}
 * (MiB) and {@code nvidia_smi_power_draw} (W) raw; NeuronCore utilisation % → {@code
 * neuroncore_utilization} ratio. The device dimension {@code index} becomes the label {@code gpu},
 * {@code name} becomes {@code gpu_name}; other dimensions keep their names.
 */
final class Presets {
  private Presets() {}

  static final String AVERAGE = "Average";
  static final String SUM = "Sum";
  static final String INSTANCE_ID = "InstanceId";
  private static final double MIB = 1024.0 * 1024.0;

  /** An agent metric of an EC2 host: its name, statistic and outputs. */
  record AgentMetric(String namespace, String name, String stat, List<Output> outputs) {}

  /** The SageMaker endpoint preset's queries. */
  static List<MetricQuery> sageMaker(CloudWatchSpec spec) {
    Map<String, String> dims = new LinkedHashMap<>();
    dims.put("EndpointName", spec.endpointName());
    dims.put("VariantName", spec.variant());
    double perGpu = 1.0 / (100.0 * spec.gpus());
    String ep = spec.namespaces().endpoint();
    String inv = spec.namespaces().invocations();
    List<MetricQuery> q = new ArrayList<>();
    add(q, ep, "GPUUtilization", dims, AVERAGE,
        Output.raw("GPUUtilization", "percent"),
        Output.canonical(ServerMetric.GPU_BUSY, perGpu));
    add(q, ep, "GPUMemoryUtilization", dims, AVERAGE,
        Output.raw("GPUMemoryUtilization", "percent"),
        new Output("gpu_memory_utilization", "ratio", perGpu, null));
    add(q, ep, "CPUUtilization", dims, AVERAGE, Output.raw("CPUUtilization", "percent"));
    add(q, ep, "MemoryUtilization", dims, AVERAGE, Output.raw("MemoryUtilization", "percent"));
    add(q, inv, "Invocations", dims, SUM, Output.raw("Invocations", "requests"));
    add(q, inv, "ModelLatency", dims, AVERAGE, new Output("ModelLatency", "ms", 0.001, null));
    add(q, inv, "OverheadLatency", dims, AVERAGE,
        new Output("OverheadLatency", "ms", 0.001, null));
    add(q, inv, "Invocation4XXErrors", dims, SUM, Output.raw("Invocation4XXErrors", "requests"));
    add(q, inv, "Invocation5XXErrors", dims, SUM, Output.raw("Invocation5XXErrors", "requests"));
    return q;
  }

  /** The agent metrics the EC2 preset reads for the spec's accelerator. */
  static List<AgentMetric> agentMetrics(CloudWatchSpec spec) {
    if (spec.accelerator() == CloudWatchSpec.Accelerator.NEURON) {
      return List.of(new AgentMetric(spec.namespaces().neuron(), spec.neuronMetric(), AVERAGE,
          List.of(Output.canonical(ServerMetric.NEURONCORE_UTILIZATION, 0.01))));
    }
    String ns = spec.namespaces().agent();
    return List.of(
        new AgentMetric(ns, "nvidia_smi_utilization_gpu", AVERAGE,
            List.of(Output.canonical(ServerMetric.GPU_BUSY, 0.01))),
        new AgentMetric(ns, "nvidia_smi_memory_used", AVERAGE,
            List.of(Output.canonical(ServerMetric.GPU_MEMORY_USED_BYTES, MIB))),
        new AgentMetric(ns, "nvidia_smi_memory_total", AVERAGE,
            List.of(Output.raw("nvidia_smi_memory_total", "MiB"))),
        new AgentMetric(ns, "nvidia_smi_power_draw", AVERAGE,
            List.of(Output.raw("nvidia_smi_power_draw", "W"))));
  }

  /**
   * The EC2 preset's queries: one per agent metric and dimension set found for it ({@code found}:
   * metric name to the dimension sets ListMetrics returned); a metric with none found is read
   * with {@code InstanceId} alone (the agent's aggregate, if configured).
   */
  static List<MetricQuery> ec2(
      CloudWatchSpec spec, String instanceId, Map<String, List<Map<String, String>>> found) {
    List<MetricQuery> q = new ArrayList<>();
    for (AgentMetric m : agentMetrics(spec)) {
      List<Map<String, String>> sets = found.getOrDefault(m.name(), List.of());
      if (sets.isEmpty()) {
        sets = List.of(Map.of(INSTANCE_ID, instanceId));
      }
      for (Map<String, String> dims : sets) {
        q.add(new MetricQuery("m" + q.size(), m.namespace(), m.name(), dims, m.stat(),
            labels(dims), m.outputs()));
      }
    }
    return q;
  }

  /** Series labels of a device's dimensions: all but InstanceId, index → gpu, name → gpu_name. */
  static Map<String, String> labels(Map<String, String> dims) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, String> d : dims.entrySet()) {
      switch (d.getKey()) {
        case INSTANCE_ID:
          break;
        case "index":
          labels.put("gpu", d.getValue());
          break;
        case "name":
          labels.put("gpu_name", d.getValue());
          break;
        default:
          labels.put(d.getKey(), d.getValue());
      }
    }
    return labels;
  }

  private static void add(List<MetricQuery> q, String ns, String name, Map<String, String> dims,
      String stat, Output... outputs) {
    q.add(new MetricQuery("m" + q.size(), ns, name, dims, stat, Map.of(), List.of(outputs)));
  }
}
