package dev.harness.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DefaultsTest {
  @Test
  void recommendedInFlightIsLittlesLawWithTwentyPercentHeadroomRoundedUp() {
    assertThat(Defaults.recommendedInFlight(10, Duration.ofSeconds(30))).isEqualTo(360);
    assertThat(Defaults.recommendedInFlight(2.5, Duration.ofSeconds(1))).isEqualTo(3);
    assertThat(Defaults.recommendedInFlight(1, Duration.ofMillis(500))).isEqualTo(1);
    assertThat(Defaults.recommendedInFlight(7, Duration.ofSeconds(1))).isEqualTo(9);
  }

  @Test
  void inFlightDefaultHasAFloorOfSixteen() {
    assertThat(Defaults.maxInFlight(0.1, Duration.ofSeconds(60))).isEqualTo(16);
    assertThat(Defaults.maxInFlight(100, Duration.ofSeconds(60))).isEqualTo(7200);
  }

  @Test
  void absurdRatesSaturateInsteadOfOverflowing() {
    assertThat(Defaults.recommendedInFlight(1e12, Duration.ofHours(1)))
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void maxDurationCoversPhasesOneTimeoutAndAMargin() {
    assertThat(Defaults.maxDuration(Duration.ofMinutes(5), Duration.ofSeconds(60)))
        .isEqualTo(Duration.ofMinutes(6).plusSeconds(30));
  }

  @Test
  void onlyOpenAiProtocolsStreamByDefault() {
    assertThat(Defaults.stream(ProtocolKind.OPENAI_CHAT)).isTrue();
    assertThat(Defaults.stream(ProtocolKind.OPENAI_COMPLETIONS)).isTrue();
    assertThat(Defaults.stream(ProtocolKind.HTTP)).isFalse();
  }
}
