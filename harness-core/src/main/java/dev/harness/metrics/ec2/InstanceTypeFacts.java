package dev.harness.metrics.ec2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hardware of one EC2 instance type, as {@code DescribeInstanceTypes} reports it: what the
 * instance catalog records, so that an entry can be filled in or checked.
 *
 * <p>GPU and accelerator memory is per device. An instance type without GPUs has {@code
 * gpuCount == 0} and null name; likewise accelerators. Accelerators are Neuron devices
 * (Inferentia, Trainium) or, on older types, the inference accelerators.
 *
 * @param instanceType e.g. {@code g5.xlarge}
 * @param vcpus default vCPUs
 * @param memoryMib instance memory, MiB
 * @param gpuCount GPUs, 0 when none
 * @param gpuName e.g. {@code A10G}, or null
 * @param gpuMemoryMib memory of one GPU, MiB (0 when none)
 * @param acceleratorCount Neuron devices (or inference accelerators), 0 when none
 * @param acceleratorName e.g. {@code Inferentia2}, or null
 * @param acceleratorMemoryMib memory of one accelerator device, MiB (0 when none or unknown)
 */
public record InstanceTypeFacts(
    String instanceType,
    int vcpus,
    long memoryMib,
    int gpuCount,
    String gpuName,
    long gpuMemoryMib,
    int acceleratorCount,
    String acceleratorName,
    long acceleratorMemoryMib) {
  public InstanceTypeFacts {
    Objects.requireNonNull(instanceType, "instanceType");
    if (vcpus < 0 || memoryMib < 0 || gpuCount < 0 || gpuMemoryMib < 0 || acceleratorCount < 0
        || acceleratorMemoryMib < 0) {
      throw new IllegalArgumentException("counts and sizes of " + instanceType
          + " must be >= 0: vcpus=" + vcpus + ", memoryMib=" + memoryMib + ", gpuCount="
          + gpuCount + ", gpuMemoryMib=" + gpuMemoryMib + ", acceleratorCount="
          + acceleratorCount + ", acceleratorMemoryMib=" + acceleratorMemoryMib);
    }
  }

  /**
   * Where {@code catalog} (an entry of the instance catalog) disagrees with these facts from EC2,
   * one line per field, e.g. {@code "g5.xlarge gpu-memory: catalog 24000 MiB, EC2 24576 MiB"};
   * empty when they agree. Names compare ignoring case.
   *
   * @throws IllegalArgumentException when the two are about different instance types
   */
  public List<String> differences(InstanceTypeFacts catalog) {
    Objects.requireNonNull(catalog, "catalog");
    if (!instanceType.equals(catalog.instanceType)) {
      throw new IllegalArgumentException("cannot compare " + catalog.instanceType + " with "
          + instanceType);
    }
    List<String> out = new ArrayList<>();
    differ(out, "vcpus", catalog.vcpus, vcpus, "");
    differ(out, "memory", catalog.memoryMib, memoryMib, " MiB");
    differ(out, "gpus", catalog.gpuCount, gpuCount, "");
    differ(out, "gpu-name", catalog.gpuName, gpuName);
    differ(out, "gpu-memory", catalog.gpuMemoryMib, gpuMemoryMib, " MiB");
    differ(out, "accelerators", catalog.acceleratorCount, acceleratorCount, "");
    differ(out, "accelerator-name", catalog.acceleratorName, acceleratorName);
    differ(out, "accelerator-memory", catalog.acceleratorMemoryMib, acceleratorMemoryMib, " MiB");
    return out;
  }

  private void differ(List<String> out, String field, long catalog, long ec2, String unit) {
    if (catalog != ec2) {
      out.add(instanceType + " " + field + ": catalog " + catalog + unit + ", EC2 " + ec2 + unit);
    }
  }

  private void differ(List<String> out, String field, String catalog, String ec2) {
    boolean same = catalog == null ? ec2 == null : catalog.equalsIgnoreCase(ec2 == null ? "" : ec2);
    if (!same) {
      out.add(instanceType + " " + field + ": catalog " + quote(catalog) + ", EC2 " + quote(ec2));
    }
  }

  private static String quote(String s) {
    return s == null ? "none" : "'" + s + "'";
  }
}
