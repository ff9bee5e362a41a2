package dev.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimProfilesTest {
  /** Tests run in harness-core/; the shipped profiles live in the repository root. */
  private static final List<Path> BASES = List.of(Path.of(".."));

  @TempDir Path dir;

  private static SimProfile shipped(String name) throws SimProfileException {
    return SimProfiles.resolve(name, BASES);
  }

  @Test
  void everyShippedProfileLoads() throws Exception {
    assertThat(SimProfiles.names(Path.of("..", SimProfiles.DIRECTORY)))
        .contains("sim-g5.xlarge", "sim-g5.2xlarge", "sim-g5.4xlarge", "sim-g5.12xlarge",
            "sim-g4dn.2xlarge", "sim-inf2.xlarge", "sim-fraud-cpu");
    for (String name : SimProfiles.names(Path.of("..", SimProfiles.DIRECTORY))) {
      SimProfile p = shipped(name);
      assertThat(p.name()).isEqualTo(name);
      assertThat(p.pricePerHour()).isPositive();
    }
  }

  @Test
  void kvCapacityIsUsableMemoryLessWeightsOverBytesPerToken() throws Exception {
    SimProfile p = shipped("sim-g5.2xlarge");
    double usable = 24 * 0.90 * Math.pow(2, 30);
    double weights = 13.0 * Math.pow(2, 30);
    assertThat(p.kvCapacityTokens()).isEqualTo((long) Math.floor((usable - weights) / 524288));
    assertThat(p.loadFailure()).isNull();
  }

  @Test
  void theSevenBillionModelDoesNotFitOnG5XlargeHostMemory() throws Exception {
    assertThat(shipped("sim-g5.xlarge").loadFailure())
        .startsWith("out of memory while loading support-7b on g5.xlarge")
        .contains("16.0 GiB");
  }

  @Test
  void weightsLargerThanUsableGpuMemoryDoNotFit() {
    SimProfile p = TestProfiles.llm(TestProfiles.ONE_A10G, 30.0);
    assertThat(p.kvCapacityTokens()).isZero();
    assertThat(p.loadFailure()).contains("do not fit in 21.6 GiB of usable accelerator memory");
  }

  @Test
  void relativeSpeedsAndMemoryFollowTheHardware() throws Exception {
    SimProfile t4 = shipped("sim-g4dn.2xlarge");
    SimProfile a10g = shipped("sim-g5.2xlarge");
    SimProfile big = shipped("sim-g5.12xlarge");
    assertThat(t4.llm().decodeBase()).isGreaterThan(a10g.llm().decodeBase());
    assertThat(a10g.llm().decodeBase()).isGreaterThan(big.llm().decodeBase());
    assertThat(t4.kvCapacityTokens()).isLessThan(a10g.kvCapacityTokens() / 4);
    assertThat(big.kvCapacityTokens()).isGreaterThan(4 * a10g.kvCapacityTokens());
    assertThat(shipped("sim-inf2.xlarge").incompatible())
        .isEqualTo("needs a Neuron-compiled model");
    assertThat(shipped("sim-fraud-cpu").isLlm()).isFalse();
  }

  @Test
  void speedupDividesEveryModelDuration() throws Exception {
    Path f = dir.resolve("fast.yaml");
    Files.writeString(
        f,
        String.join(
            "\n",
            Files.readString(Path.of("..", SimProfiles.DIRECTORY, "sim-g5.2xlarge.yaml"))
                .replace("speedup: 1", "speedup: 5")));
    SimProfile p = SimProfiles.load(f);
    assertThat(p.llmParams().decodeBaseNanos()).isEqualTo(5_000_000L);
    assertThat(p.llmParams().prefillPerTokenNanos()).isEqualTo(50_000L);
  }

  @Test
  void anUnknownFieldIsNamedWithItsFile() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(
        f, "kind: classic\ninstance: {}\nmodel: {servers: 2, mean: 5ms, sevrice-time: exponential}\n");
    assertThatThrownBy(() -> SimProfiles.load(f))
        .isInstanceOf(SimProfileException.class)
        .hasMessageContaining("bad.yaml: model.sevrice-time: unknown field");
  }

  @Test
  void aBadDurationNamesItsField() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "kind: classic\ninstance: {}\nmodel: {mean: 5}\n");
    assertThatThrownBy(() -> SimProfiles.load(f))
        .hasMessageContaining("bad.yaml: model.mean: '5' needs a unit");
  }

  @Test
  void anUnknownNameListsTheKnownProfiles() {
    assertThatThrownBy(() -> SimProfiles.resolve("sim-p5.48xlarge", BASES))
        .hasMessageContaining("no simulator profile 'sim-p5.48xlarge'")
        .hasMessageContaining("sim-g5.2xlarge");
  }

  @Test
  void aPathLoadsDirectly() throws Exception {
    Path f = dir.resolve("mine.yaml");
    Files.writeString(f, "kind: classic\ninstance: {}\nmodel: {servers: 2, mean: 5ms}\n");
    SimProfile p = SimProfiles.resolve(f.toString(), List.of());
    assertThat(p.name()).isEqualTo("mine");
    assertThat(p.serviceTime().meanNanos()).isEqualTo(5_000_000.0);
  }
}
