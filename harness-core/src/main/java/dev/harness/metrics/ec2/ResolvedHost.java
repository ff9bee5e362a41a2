package dev.harness.metrics.ec2;

import java.util.Map;
import java.util.Objects;

/**
 * An EC2 instance found by {@link Ec2Facts#resolve}.
 *
 * @param instanceId e.g. {@code i-0123456789abcdef0}
 * @param instanceType e.g. {@code g5.xlarge}
 * @param privateIp private IPv4 address, or null
 * @param name value of the {@code Name} tag, or null
 * @param availabilityZone e.g. {@code us-east-1a}, or null
 * @param state e.g. {@code running}
 */
public record ResolvedHost(
    String instanceId,
    String instanceType,
    String privateIp,
    String name,
    String availabilityZone,
    String state) {
  public ResolvedHost {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(instanceType, "instanceType");
    Objects.requireNonNull(state, "state");
  }

  /**
   * The CloudWatch dimensions that select this host's CloudWatch agent metrics: {@code InstanceId}
   * (the agent's {@code append_dimensions}); per-device dimensions such as {@code index} are found
   * by listing the metrics.
   */
  public Map<String, String> cloudWatchDimensions() {
    return Map.of("InstanceId", instanceId);
  }
}
