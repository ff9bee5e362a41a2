package dev.harness.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS =
      List.of("request-timeout", "connect-timeout", "max-in-flight", "connections");

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }

  @Test
  void caseAndSeparatorsDoNotCount() {
    assertThat(Suggestions.closest("maxInFlight", KEYS)).contains("max-in-flight");
    assertThat(Suggestions.closest("request_timeout", KEYS)).contains("request-timeout");
  }

  @Test
  void typosGetTheClosestKeyAndUnrelatedWordsGetNone() {
    assertThat(Suggestions.closest("conections", KEYS)).contains("connections");
    assertThat(Suggestions.closest("banana", KEYS)).isEmpty();
  }
}
