package dev.harness.sim;

import java.time.Duration;
import java.util.Locale;

/**
 * A simulated instance type: the hardware facts, the price, and the model it serves (an LLM with
 * continuous batching or a classic c-server queue). Read from {@code profiles/sim/<name>.yaml} by
 * {@link SimProfiles}; every field is described in docs/simulator.md.
 *
 * @param name profile name, e.g. {@code sim-g5.2xlarge}
 * @param description one line for humans
 * @param instance the hardware being imitated
 * @param pricePerHour on-demand price in USD per hour (for cost ranking)
 * @param speedup every model duration is divided by this (1 = the figures as written)
 * @param incompatible why a real deployment could not run the model here, or null
 * @param llm the LLM model, or null for a classic profile
 * @param classic the classic model, or null for an LLM profile
 */
public record SimProfile(
    String name,
    String description,
    Instance instance,
    double pricePerHour,
    double speedup,
    String incompatible,
    Llm llm,
    Classic classic) {

  private static final double GIB = 1024.0 * 1024 * 1024;

  public SimProfile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    if (!(speedup > 0) || Double.isInfinite(speedup)) {
      throw new IllegalArgumentException("speedup must be > 0, got " + speedup);
    }
    if (pricePerHour < 0) {
      throw new IllegalArgumentException("price-per-hour must be >= 0, got " + pricePerHour);
    }
    if ((llm == null) == (classic == null)) {
      throw new IllegalArgumentException("a profile has exactly one of an llm or a classic model");
    }
    if (instance == null) {
      throw new IllegalArgumentException("instance is required");
    }
  }

  /** Whether this profile serves an LLM (else a classic model). */
  public boolean isLlm() {
    return llm != null;
  }

  /** The model's name as served by {@code /v1/models}. */
  public String modelName() {
    return isLlm() ? llm.model() : classic.model();
  }

  /**
   * Facts about the imitated instance.
   *
   * @param type the real instance type, e.g. {@code g5.2xlarge}
   * @param accelerator e.g. {@code NVIDIA A10G}
   * @param accelerators how many the model uses
   * @param acceleratorMemoryGiB total accelerator memory the model may use, GiB
   * @param vcpus host vCPUs
   * @param memoryGiB host memory, GiB
   */
  public record Instance(
      String type,
      String accelerator,
      int accelerators,
      double acceleratorMemoryGiB,
      int vcpus,
      double memoryGiB) {
    public Instance {
      if (accelerators < 0 || acceleratorMemoryGiB < 0 || vcpus < 0 || memoryGiB < 0) {
        throw new IllegalArgumentException("instance figures must be >= 0");
      }
    }
  }

  /**
   * An LLM served with continuous batching ({@link LlmModel}).
   *
   * @param model served model name
   * @param weightsGiB size of the weights in accelerator memory
   * @param memoryUtilization share of accelerator memory the server may use (vLLM's
   *     gpu_memory_utilization)
   * @param kvBytesPerToken KV-cache bytes per token: 2 × layers × hidden size × bytes per value
   * @param loadOverheadGiB host memory needed beside the weights while loading (runtime, buffers)
   * @param decodeBase step cost whatever the batch
   * @param decodePerSequence step cost per sequence in the batch
   * @param prefillPerToken step cost per prompt token admitted in the step
   * @param maxBatch most sequences per step
   * @param defaultOutputTokens output length when a request sets no max_tokens
   * @param fixedOutputTokens if > 0, every response has this many tokens whatever max_tokens says
   */
  public record Llm(
      String model,
      double weightsGiB,
      double memoryUtilization,
      long kvBytesPerToken,
      double loadOverheadGiB,
      Duration decodeBase,
      Duration decodePerSequence,
      Duration prefillPerToken,
      int maxBatch,
      int defaultOutputTokens,
      int fixedOutputTokens) {
    public Llm {
      if (!(weightsGiB > 0)) {
        throw new IllegalArgumentException("weights-gib must be > 0, got " + weightsGiB);
      }
      if (!(memoryUtilization > 0 && memoryUtilization <= 1)) {
        throw new IllegalArgumentException(
            "gpu-memory-utilization must be in (0, 1], got " + memoryUtilization);
      }
      if (kvBytesPerToken <= 0) {
        throw new IllegalArgumentException(
            "kv-bytes-per-token must be > 0, got " + kvBytesPerToken);
      }
      if (defaultOutputTokens < 1 || fixedOutputTokens < 0) {
        throw new IllegalArgumentException(
            "default-output-tokens must be >= 1 and output-tokens >= 0");
      }
    }
  }

  /**
   * A classic model (fraud scoring, embeddings): a c-server FCFS queue ({@link ClassicModel}).
   *
   * @param model served model name
   * @param servers c, the number of requests served at once
   * @param distribution {@code deterministic}, {@code exponential} or {@code lognormal}
   * @param meanServiceTime mean service time
   * @param sigma shape of the log-normal (σ of ln S); ignored otherwise
   */
  public record Classic(
      String model, int servers, String distribution, Duration meanServiceTime, double sigma) {
    public Classic {
      if (servers < 1) {
        throw new IllegalArgumentException("servers must be >= 1, got " + servers);
      }
      if (meanServiceTime == null || meanServiceTime.isNegative() || meanServiceTime.isZero()) {
        throw new IllegalArgumentException(
            "mean service time must be > 0, got " + meanServiceTime);
      }
      distribution = distribution.toLowerCase(Locale.ROOT);
      if (!distribution.equals("deterministic")
          && !distribution.equals("exponential")
          && !distribution.equals("lognormal")) {
        throw new IllegalArgumentException(
            "distribution must be deterministic, exponential or lognormal, got '"
                + distribution + "'");
      }
    }
  }

  /** Usable accelerator memory in bytes: memory × utilisation. */
  public double usableAcceleratorBytes() {
    return instance.acceleratorMemoryGiB() * llm.memoryUtilization() * GIB;
  }

  /**
   * KV-cache capacity in tokens: {@code (gpuMemory × utilisation − weights) / kvBytesPerToken}
   * (the budget vLLM's block manager works with), 0 when the weights do not fit.
   */
  public long kvCapacityTokens() {
    double free = usableAcceleratorBytes() - llm.weightsGiB() * GIB;
    return free <= 0 ? 0 : (long) Math.floor(free / llm.kvBytesPerToken());
  }

  /**
   * Why the model cannot be loaded, or null if it can: the weights leave no room for a KV cache
   * in usable accelerator memory, or the weights plus the loading overhead exceed host memory.
   */
  public String loadFailure() {
    if (!isLlm()) {
      return null;
    }
    if (kvCapacityTokens() <= 0) {
      return String.format(
          Locale.ROOT,
          "out of memory while loading %s on %s: %.1f GiB of weights do not fit in %.1f GiB of "
              + "usable accelerator memory (%.1f GiB × %.2f), leaving no room for the KV cache",
          llm.model(), instance.type(), llm.weightsGiB(),
          usableAcceleratorBytes() / GIB, instance.acceleratorMemoryGiB(),
          llm.memoryUtilization());
    }
    double needHost = llm.weightsGiB() + llm.loadOverheadGiB();
    if (instance.memoryGiB() > 0 && needHost > instance.memoryGiB()) {
      return String.format(
          Locale.ROOT,
          "out of memory while loading %s on %s: the %.1f GiB artifact plus %.1f GiB loading "
              + "overhead exceed the host's %.1f GiB of RAM",
          llm.model(), instance.type(), llm.weightsGiB(), llm.loadOverheadGiB(),
          instance.memoryGiB());
    }
    return null;
  }

  /** This profile run {@code factor} times faster still (e.g. the demo's shorter steps). */
  public SimProfile faster(double factor) {
    return new SimProfile(name, description, instance, pricePerHour, speedup * factor,
        incompatible, llm, classic);
  }

  /** The LLM model's parameters with every duration divided by {@link #speedup()}. */
  public LlmModel.Params llmParams() {
    return new LlmModel.Params(
        scaled(llm.decodeBase()),
        scaled(llm.decodePerSequence()),
        scaled(llm.prefillPerToken()),
        Math.max(1, kvCapacityTokens()),
        llm.maxBatch());
  }

  /** The classic model's service time with its mean divided by {@link #speedup()}. */
  public ServiceTime serviceTime() {
    long mean = Math.max(1, scaled(classic.meanServiceTime()));
    switch (classic.distribution()) {
      case "deterministic":
        return ServiceTime.deterministic(mean);
      case "exponential":
        return ServiceTime.exponential(mean);
      default:
        return ServiceTime.logNormal(mean, classic.sigma());
    }
  }

  private long scaled(Duration d) {
    return Math.round(d.toNanos() / speedup);
  }
}
