package dev.harness.cost;

import java.time.LocalDate;

/**
 * One instance type of the catalog: hardware facts and hourly prices, after every override and
 * {@code price-of} has been applied.
 *
 * <p>The price paid per instance-hour ({@link #hourlyPrice}) is the custom price when one is set
 * (taken as it is), else the platform's list price × (1 − discount).
 *
 * @param name the type, e.g. {@code g5.2xlarge} or {@code sim-g5.2xlarge}
 * @param accelerator accelerator model, e.g. {@code NVIDIA A10G}; {@code none} for CPU types
 * @param accelerators accelerators per instance (0 for CPU types)
 * @param acceleratorMemoryGib memory of each accelerator, GiB
 * @param vcpus virtual CPUs per instance
 * @param memoryGib host memory, GiB
 * @param ec2PerHour EC2 on-demand list price, $/h, or null when not listed
 * @param sageMakerPerHour SageMaker real-time inference list price ({@code ml.*}), $/h, or null
 * @param customPerHour a negotiated price, $/h, used on every platform without discount; or null
 * @param discount fraction taken off the list prices, from 0 (inclusive) to 1 (exclusive)
 * @param region region the prices are for, e.g. {@code us-east-1}
 * @param taken date the prices were taken, or null when the file does not say
 * @param source where the prices come from, or null
 * @param priceOf the real type this one stands for (a simulated type), whose facts and prices it
 *     takes unless it gives its own; or null
 */
public record InstanceType(
    String name,
    String accelerator,
    int accelerators,
    double acceleratorMemoryGib,
    int vcpus,
    double memoryGib,
    Double ec2PerHour,
    Double sageMakerPerHour,
    Double customPerHour,
    double discount,
    String region,
    LocalDate taken,
    String source,
    String priceOf) {
  public InstanceType {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("instance type name must not be blank");
    }
    accelerator = accelerator == null || accelerator.isBlank() ? "none" : accelerator;
    requireAtLeast(name, "accelerators", accelerators, 0);
    requireAtLeast(name, "accelerator-memory-gib", acceleratorMemoryGib, 0);
    requireAtLeast(name, "vcpus", vcpus, 1);
    requireAtLeast(name, "memory-gib", memoryGib, Double.MIN_VALUE);
    requirePrice(name, "ec2-per-hour", ec2PerHour);
    requirePrice(name, "sagemaker-per-hour", sageMakerPerHour);
    requirePrice(name, "price-per-hour", customPerHour);
    if (ec2PerHour == null && sageMakerPerHour == null && customPerHour == null) {
      throw new IllegalArgumentException(name + ": has no price; give ec2-per-hour, "
          + "sagemaker-per-hour, price-per-hour or price-of");
    }
    if (!(discount >= 0 && discount < 1)) {
      throw new IllegalArgumentException(
          name + ": discount must be from 0 (inclusive) to 1 (exclusive), got " + discount);
    }
  }

  /** The list price on {@code platform}, $/h, or null when the catalog has none. */
  public Double listPrice(Platform platform) {
    return platform == Platform.EC2 ? ec2PerHour : sageMakerPerHour;
  }

  /**
   * The price paid per instance-hour on {@code platform}: the custom price if set, else list
   * price × (1 − discount).
   *
   * @throws IllegalArgumentException when the type has neither a custom nor a list price there
   */
  public double hourlyPrice(Platform platform) {
    if (customPerHour != null) {
      return customPerHour;
    }
    Double list = listPrice(platform);
    if (list == null) {
      throw new IllegalArgumentException(name + " has no " + platform.key()
          + " price in the catalog; add " + platform.key() + "-per-hour or price-per-hour");
    }
    return list * (1 - discount);
  }

  /** Whether this type stands for a real one (a simulator profile). */
  public boolean simulated() {
    return priceOf != null;
  }

  private static void requireAtLeast(String name, String field, double value, double min) {
    if (!(value >= min) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + ": " + field + " must be "
          + (min == Double.MIN_VALUE ? "> 0" : ">= " + (long) min) + ", got " + value);
    }
  }

  private static void requirePrice(String name, String field, Double value) {
    if (value != null && !(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + ": " + field + " must be a price > 0 $/h, got "
          + value);
    }
  }
}
