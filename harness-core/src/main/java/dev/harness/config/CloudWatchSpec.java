package dev.harness.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the CloudWatch metrics source reads (a plan's {@code metrics.cloudwatch:} section): the
 * region and credentials, and either a SageMaker endpoint variant or an EC2 host running the
 * CloudWatch agent.
 *
 * <pre>{@code
 * cloudwatch:
 *   region: us-east-1
 *   preset: sagemaker          # or ec2
 *   endpoint-name: llm-7b
 *   variant: AllTraffic
 *   gpus: 4                    # GPUs per instance: SageMaker sums utilisation over GPUs
 *   period: 60s
 *   max-wait: 3m
 * }</pre>
 *
 * @param region AWS region, required (never taken from instance metadata)
 * @param profile named credentials profile, or null for the default chain
 * @param endpointUrl replaces the CloudWatch and EC2 endpoints (tests, LocalStack), or null
 * @param preset which metrics are read
 * @param endpointName SageMaker endpoint (preset sagemaker), else null
 * @param variant SageMaker production variant (preset sagemaker), else null
 * @param instance EC2 host as instance ID, private IP or Name tag (preset ec2), else null
 * @param accelerator the host's accelerators (preset ec2)
 * @param gpus GPUs per instance, divides SageMaker's summed GPU utilisation into a per-GPU figure
 * @param period CloudWatch period: 1, 5, 10, 20 or 30 s (high resolution) or a multiple of 60 s
 * @param maxWait longest wait for late data after the end of the last whole period; zero: none
 * @param namespaces the CloudWatch namespaces read
 * @param neuronMetric the NeuronCore utilisation metric's name (percent)
 */
public record CloudWatchSpec(
    String region,
    String profile,
    URI endpointUrl,
    Preset preset,
    String endpointName,
    String variant,
    String instance,
    Accelerator accelerator,
    int gpus,
    Duration period,
    Duration maxWait,
    Namespaces namespaces,
    String neuronMetric) {

  /** {@code period}: CloudWatch's standard resolution, and SageMaker's only one. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);

  /** {@code max-wait}: SageMaker metrics usually appear one to three minutes after a period. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(3);

  /** {@code variant}: the name SageMaker gives a single-variant endpoint's variant. */
  public static final String DEFAULT_VARIANT = "AllTraffic";

  /** {@code neuron-metric}: the CloudWatch agent's name for NeuronCore utilisation. */
  public static final String DEFAULT_NEURON_METRIC = "neuroncore_utilization";

  private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)*-[0-9]+");
  private static final List<Long> HIGH_RESOLUTION_SECONDS = List.of(1L, 5L, 10L, 20L, 30L);

  /** Which metrics are read. */
  public enum Preset {
    /** A SageMaker real-time endpoint: instance and invocation metrics of one variant. */
    SAGEMAKER,
    /** An EC2 host's CloudWatch agent metrics (nvidia-smi, or Neuron). */
    EC2
  }

  /** The accelerators of an EC2 host, which decides the agent metrics read. */
  public enum Accelerator {
    /** NVIDIA GPUs: the agent's {@code nvidia_smi_*} metrics. */
    NVIDIA,
    /** AWS Inferentia or Trainium: NeuronCore utilisation. */
    NEURON
  }

  /**
   * The namespaces read.
   *
   * @param endpoint SageMaker endpoint instance metrics ({@code /aws/sagemaker/Endpoints})
   * @param invocations SageMaker invocation metrics ({@code AWS/SageMaker})
   * @param agent the CloudWatch agent's namespace ({@code CWAgent})
   * @param neuron where NeuronCore utilisation is published ({@code CWAgent})
   */
  public record Namespaces(String endpoint, String invocations, String agent, String neuron) {
    public Namespaces {
      requireText("namespaces.endpoint", endpoint);
      requireText("namespaces.invocations", invocations);
      requireText("namespaces.agent", agent);
      requireText("namespaces.neuron", neuron);
    }

    /** The namespaces AWS publishes to by default. */
    public static Namespaces defaults() {
      return new Namespaces("/aws/sagemaker/Endpoints", "AWS/SageMaker", "CWAgent", "CWAgent");
    }
  }

  public CloudWatchSpec {
    requireText("region", region);
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("region must look like us-east-1, got '" + region + "'");
    }
    if (profile != null) {
      requireText("profile", profile);
    }
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(accelerator, "accelerator");
    Objects.requireNonNull(namespaces, "namespaces");
    requireText("neuronMetric", neuronMetric);
    if (preset == Preset.SAGEMAKER) {
      requireText("endpointName", endpointName);
      requireText("variant", variant);
    } else {
      requireText("instance", instance);
    }
    if (gpus < 1) {
      throw new IllegalArgumentException("gpus must be >= 1, got " + gpus);
    }
    String problem = periodProblem(period);
    if (problem != null) {
      throw new IllegalArgumentException("period " + problem);
    }
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must be >= 0, got " + maxWait);
    }
  }

  /** A SageMaker endpoint spec with every other field at its default. */
  public static CloudWatchSpec sageMaker(String region, String endpointName, String variant) {
    return new CloudWatchSpec(region, null, null, Preset.SAGEMAKER, endpointName, variant, null,
        Accelerator.NVIDIA, 1, DEFAULT_PERIOD, DEFAULT_MAX_WAIT, Namespaces.defaults(),
        DEFAULT_NEURON_METRIC);
  }

  /** An EC2 host spec with every other field at its default. */
  public static CloudWatchSpec ec2(String region, String instance, Accelerator accelerator) {
    return new CloudWatchSpec(region, null, null, Preset.EC2, null, null, instance, accelerator,
        1, DEFAULT_PERIOD, DEFAULT_MAX_WAIT, Namespaces.defaults(), DEFAULT_NEURON_METRIC);
  }

  /** This spec reading through {@code url} instead of the AWS endpoints. */
  public CloudWatchSpec withEndpointUrl(URI url) {
    return new CloudWatchSpec(region, profile, url, preset, endpointName, variant, instance,
        accelerator, gpus, period, maxWait, namespaces, neuronMetric);
  }

  /** This spec with another period and wait for late data. */
  public CloudWatchSpec withTiming(Duration newPeriod, Duration newMaxWait) {
    return new CloudWatchSpec(region, profile, endpointUrl, preset, endpointName, variant,
        instance, accelerator, gpus, newPeriod, newMaxWait, namespaces, neuronMetric);
  }

  /** This spec with {@code count} GPUs per instance. */
  public CloudWatchSpec withGpus(int count) {
    return new CloudWatchSpec(region, profile, endpointUrl, preset, endpointName, variant,
        instance, accelerator, count, period, maxWait, namespaces, neuronMetric);
  }

  /** The period in whole seconds. */
  public long periodSeconds() {
    return period.getSeconds();
  }

  /** What is wrong with {@code p} as a CloudWatch period, or null when it is allowed. */
  static String periodProblem(Duration p) {
    if (p == null) {
      return "is required";
    }
    if (p.getNano() != 0 || p.getSeconds() < 1) {
      return "must be whole seconds, at least 1s, got " + DurationParser.format(p);
    }
    long s = p.getSeconds();
    if (!HIGH_RESOLUTION_SECONDS.contains(s) && s % 60 != 0) {
      return "must be 1s, 5s, 10s, 20s or 30s (high resolution) or a multiple of 60s, got "
          + DurationParser.format(p);
    }
    return null;
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  // ---- reading the plan ----------------------------------------------------------------------

  static final List<String> KEYS =
      List.of(
          "region",
          "profile",
          "endpoint-url",
          "preset",
          "endpoint-name",
          "variant",
          "instance",
          "accelerator",
          "gpus",
          "period",
          "max-wait",
          "namespaces",
          "neuron-metric");

  private static final List<String> SAGEMAKER_ONLY = List.of("endpoint-name", "variant");
  private static final List<String> EC2_ONLY = List.of("instance", "accelerator", "neuron-metric");
  private static final List<String> NAMESPACE_KEYS =
      List.of("endpoint", "invocations", "agent", "neuron");

  /**
   * Reads the mapping {@code m} (the plan's {@code metrics.cloudwatch}); every error names the
   * file, line, column and field, and unknown keys and values get a "did you mean".
   */
  static CloudWatchSpec read(MappingReader m) throws PlanException {
    m.allowOnly(KEYS);
    String region = m.requiredText("region");
    if (!REGION.matcher(region).matches()) {
      throw m.errorAt("region", "must be an AWS region such as us-east-1, got "
          + Nodes.quote(region));
    }
    Preset preset = m.requiredChoice("preset", presets());
    for (String key : preset == Preset.SAGEMAKER ? EC2_ONLY : SAGEMAKER_ONLY) {
      if (m.has(key)) {
        throw m.errorAtKey(key, "applies only to preset: "
            + (preset == Preset.SAGEMAKER ? "ec2" : "sagemaker"));
      }
    }
    String endpointName = null;
    String variant = null;
    String instance = null;
    if (preset == Preset.SAGEMAKER) {
      endpointName = m.requiredText("endpoint-name");
      variant = m.has("variant") ? m.requiredText("variant") : DEFAULT_VARIANT;
    } else {
      instance = m.requiredText("instance");
    }
    Duration period = m.positiveDuration("period", DEFAULT_PERIOD);
    String problem = periodProblem(period);
    if (problem != null) {
      throw m.errorAt("period", problem);
    }
    Duration maxWait = DEFAULT_MAX_WAIT;
    if (m.has("max-wait")) {
      maxWait = Nodes.duration(m.file(), m.value("max-wait"), m.field("max-wait"));
      if (maxWait.isNegative()) {
        throw m.errorAt("max-wait", "must be zero (no waiting) or longer, got "
            + Nodes.describe(m.value("max-wait")));
      }
    }
    Integer gpus = m.positiveInt("gpus");
    return new CloudWatchSpec(
        region,
        m.text("profile"),
        endpointUrl(m),
        preset,
        endpointName,
        variant,
        instance,
        m.choice("accelerator", accelerators(), Accelerator.NVIDIA),
        gpus == null ? 1 : gpus,
        period,
        maxWait,
        namespaces(m),
        m.has("neuron-metric") ? m.requiredText("neuron-metric") : DEFAULT_NEURON_METRIC);
  }

  private static URI endpointUrl(MappingReader m) throws PlanException {
    String text = m.text("endpoint-url");
    if (text == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw m.errorAt("endpoint-url", "not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
        || uri.getHost() == null) {
      throw m.errorAt("endpoint-url", "must be an http:// or https:// URL with a host, got "
          + Nodes.quote(text));
    }
    return uri;
  }

  private static Namespaces namespaces(MappingReader m) throws PlanException {
    Namespaces d = Namespaces.defaults();
    MappingReader n = m.mapping("namespaces", "the CloudWatch namespaces");
    if (n == null) {
      return d;
    }
    n.allowOnly(NAMESPACE_KEYS);
    return new Namespaces(
        n.has("endpoint") ? n.requiredText("endpoint") : d.endpoint(),
        n.has("invocations") ? n.requiredText("invocations") : d.invocations(),
        n.has("agent") ? n.requiredText("agent") : d.agent(),
        n.has("neuron") ? n.requiredText("neuron") : d.neuron());
  }

  private static Map<String, Preset> presets() {
    Map<String, Preset> p = new LinkedHashMap<>();
    p.put("sagemaker", Preset.SAGEMAKER);
    p.put("ec2", Preset.EC2);
    return p;
  }

  private static Map<String, Accelerator> accelerators() {
    Map<String, Accelerator> a = new LinkedHashMap<>();
    a.put("nvidia", Accelerator.NVIDIA);
    a.put("neuron", Accelerator.NEURON);
    return a;
  }
}
