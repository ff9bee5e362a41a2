package dev.harness.metrics.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstanceTypeFactsTest {
  static final InstanceTypeFacts EC2 =
      new InstanceTypeFacts("g5.xlarge", 4, 16_384, 1, "A10G", 24_576, 0, null, 0);

  @Test
  void aCatalogEntryThatAgreesHasNoDifferences() {
    InstanceTypeFacts catalog =
        new InstanceTypeFacts("g5.xlarge", 4, 16_384, 1, "a10g", 24_576, 0, null, 0);
    assertThat(EC2.differences(catalog)).isEmpty();
  }

  @Test
  void eachDisagreeingFieldIsOneLineWithBothValues() {
    InstanceTypeFacts catalog =
        new InstanceTypeFacts("g5.xlarge", 4, 16_000, 1, "A100", 24_576, 1, "Inferentia2", 0);
    assertThat(EC2.differences(catalog)).containsExactly(
        "g5.xlarge memory: catalog 16000 MiB, EC2 16384 MiB",
        "g5.xlarge gpu-name: catalog 'A100', EC2 'A10G'",
        "g5.xlarge accelerators: catalog 1, EC2 0",
        "g5.xlarge accelerator-name: catalog 'Inferentia2', EC2 none");
  }

  @Test
  void differentTypesCannotBeCompared() {
    InstanceTypeFacts other =
        new InstanceTypeFacts("g5.2xlarge", 8, 32_768, 1, "A10G", 24_576, 0, null, 0);
    assertThatThrownBy(() -> EC2.differences(other)).hasMessageContaining("g5.2xlarge");
  }

  @Test
  void negativeSizesAreRejectedNamingTheType() {
    assertThatThrownBy(() -> new InstanceTypeFacts("x1", -1, 0, 0, null, 0, 0, null, 0))
        .hasMessageContaining("x1").hasMessageContaining("vcpus=-1");
  }
}
