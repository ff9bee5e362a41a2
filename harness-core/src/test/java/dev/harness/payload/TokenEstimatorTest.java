package dev.harness.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aboutFourCharactersMakeAToken() {
    assertThat(TokenEstimator.estimate("")).isZero();
    assertThat(TokenEstimator.estimate("abc")).isEqualTo(1);
    assertThat(TokenEstimator.estimate("abcd")).isEqualTo(1);
    assertThat(TokenEstimator.estimate("abcde")).isEqualTo(2);
    assertThat(TokenEstimator.estimate("x".repeat(4000))).isEqualTo(1000);
  }

  @Test
  void charactersAreCodePointsNotUtf16Units() {
    assertThat(TokenEstimator.estimate("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"))
        .as("four emoji, eight UTF-16 units")
        .isEqualTo(1);
  }

  @Test
  void aChatPromptCountsEveryMessageJoinedByNewlines() throws Exception {
    String body =
        "{\"messages\":[{\"role\":\"system\",\"content\":\"" + "a".repeat(10) + "\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + "b".repeat(9)
            + "\"}]}]}";

    // 10 + 1 + 9 = 20 characters
    assertThat(TokenEstimator.estimatePrompt(json.readTree(body))).isEqualTo(5);
  }

  @Test
  void aCompletionsPromptCountsItsText() throws Exception {
    assertThat(TokenEstimator.estimatePrompt(json.readTree("{\"prompt\":\"12345678\"}")))
        .isEqualTo(2);
    assertThat(TokenEstimator.estimatePrompt(json.readTree("{\"prompt\":[\"1234\",\"567\"]}")))
        .isEqualTo(2);
  }

  @Test
  void aBodyWithoutPromptTextHasNoEstimate() throws Exception {
    assertThat(TokenEstimator.estimatePrompt(json.readTree("{\"inputs\":[]}"))).isEqualTo(-1);
    assertThat(TokenEstimator.estimatePrompt(json.readTree("\"raw\""))).isEqualTo(-1);
  }
}
