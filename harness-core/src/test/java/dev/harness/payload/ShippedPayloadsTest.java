package dev.harness.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The payload set shipped in {@code payloads/} opens cleanly and has the advertised shape. */
class ShippedPayloadsTest {

  private static final Path CHAT_SUPPORT =
      Path.of(System.getProperty("basedir", "."), "..", "payloads", "chat-support.jsonl");

  @Test
  void chatSupportOpensWithoutBadLines() throws Exception {
    try (PayloadSet set = PayloadSet.open(CHAT_SUPPORT, false)) {
      assertThat(set.size()).isBetween(300, 400);
      assertThat(set.skippedLines()).isZero();
    }
  }

  @Test
  void chatSupportPromptsSpreadAroundAThousandTokens() throws Exception {
    try (PayloadSet set = PayloadSet.open(CHAT_SUPPORT, false)) {
      PayloadStats stats = set.stats();

      assertThat(stats.promptTokensEstimated()).as("every line declares prompt_tokens").isFalse();
      assertThat(stats.promptTokens().min()).isGreaterThanOrEqualTo(200);
      assertThat(stats.promptTokens().p50()).isBetween(800L, 1200L);
      assertThat(stats.promptTokens().max()).isBetween(1500L, 2100L);
      assertThat(stats.maxTokens().n()).isEqualTo(set.size());
      assertThat(stats.maxTokens().min()).isGreaterThanOrEqualTo(64);
      assertThat(stats.maxTokens().max()).isLessThanOrEqualTo(700);
      assertThat(stats.maxTokens().p50()).isBetween(250L, 350L);
    }
  }

  @Test
  void chatSupportLinesAreChatsWithUniqueIdsAndHonestTokenCounts() throws Exception {
    try (PayloadSet set = PayloadSet.open(CHAT_SUPPORT, false)) {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < set.size(); i++) {
        Payload p = set.get(i);
        assertThat(ids.add(p.id())).as("id %s is unique", p.id()).isTrue();
        assertThat(p.body().at("/messages/0/role").asText()).isEqualTo("system");
        int last = p.body().get("messages").size() - 1;
        assertThat(p.body().at("/messages/" + last + "/role").asText()).isEqualTo("user");
        assertThat(p.promptTokens())
            .as("declared prompt_tokens of %s", p.id())
            .isEqualTo(TokenEstimator.estimatePrompt(p.body()));
      }
    }
  }
}
