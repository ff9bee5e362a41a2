package dev.harness.sim;

import java.time.Duration;

/** Small profiles built in code for tests, with step costs that keep tests short. */
public final class TestProfiles {
  private TestProfiles() {}

  public static final SimProfile.Instance ONE_A10G =
      new SimProfile.Instance("g5.2xlarge", "NVIDIA A10G", 1, 24, 8, 32);

  /** An LLM: decode 2 ms + 0.1 ms per sequence, prefill 10 µs per prompt token. */
  public static SimProfile fastLlm() {
    return llm(ONE_A10G, 13.0);
  }

  public static SimProfile llm(SimProfile.Instance instance, double weightsGiB) {
    return new SimProfile(
        "test-llm",
        "test",
        instance,
        1.0,
        1,
        null,
        new SimProfile.Llm(
            "test-7b",
            weightsGiB,
            0.9,
            524_288,
            4,
            Duration.ofMillis(2),
            Duration.ofNanos(100_000),
            Duration.ofNanos(10_000),
            256,
            16,
            0),
        null);
  }

  public static SimProfile classic(int servers, String distribution, Duration mean) {
    return new SimProfile(
        "test-classic",
        "test",
        new SimProfile.Instance("c6i.xlarge", "none", 0, 0, 4, 8),
        0.2,
        1,
        null,
        null,
        new SimProfile.Classic("scorer", servers, distribution, mean, 0.5));
  }
}
