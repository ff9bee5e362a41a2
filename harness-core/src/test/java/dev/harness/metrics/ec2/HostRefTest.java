package dev.harness.metrics.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostRefTest {
  @Test
  void instanceIdsOfEitherLengthAreIds() {
    assertThat(HostRef.parse("i-0123456789abcdef0").kind()).isEqualTo(HostRef.Kind.INSTANCE_ID);
    assertThat(HostRef.parse(" i-0123abcd ").value()).isEqualTo("i-0123abcd");
  }

  @Test
  void dottedQuadsArePrivateAddresses() {
    assertThat(HostRef.parse("10.0.3.7").kind()).isEqualTo(HostRef.Kind.PRIVATE_IP);
  }

  @Test
  void anythingElseIsANameTag() {
    assertThat(HostRef.parse("llm-host-1").kind()).isEqualTo(HostRef.Kind.NAME_TAG);
    assertThat(HostRef.parse("i-notanid").kind()).isEqualTo(HostRef.Kind.NAME_TAG);
    assertThat(HostRef.parse("10.0.3.256").kind()).isEqualTo(HostRef.Kind.NAME_TAG);
  }

  @Test
  void aMalformedIdOrAddressIsRejectedWhenTheKindIsGiven() {
    assertThatThrownBy(() -> new HostRef(HostRef.Kind.INSTANCE_ID, "i-xyz"))
        .hasMessageContaining("'i-xyz'");
    assertThatThrownBy(() -> new HostRef(HostRef.Kind.PRIVATE_IP, "10.0.0"))
        .hasMessageContaining("'10.0.0'");
  }
}
