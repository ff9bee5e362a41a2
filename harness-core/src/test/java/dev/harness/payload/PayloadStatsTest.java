package dev.harness.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadStatsTest {

  @TempDir Path dir;

  /**
   * known-stats.jsonl: five string bodies of 10, 20, 30, 40 and 100 bytes, prompt_tokens 100, 200,
   * 300, 400 and 1000, max_tokens on three lines (64, 128, 512).
   */
  @Test
  void statsOfASmallKnownFile() throws Exception {
    Path file = Path.of(getClass().getResource("/payloads/known-stats.jsonl").toURI());

    try (PayloadSet set = PayloadSet.open(file, false)) {
      PayloadStats stats = set.stats();

      assertThat(stats.count()).isEqualTo(5);
      assertThat(stats.bodyBytes())
          .isEqualTo(new PayloadStats.Summary(5, 10, 30, 100, 100, 100, 40.0));
      // nearest rank: p50 = 3rd of 5, p90 = 5th (ceil 4.5), p99 = 5th
      assertThat(stats.promptTokens())
          .isEqualTo(new PayloadStats.Summary(5, 100, 300, 1000, 1000, 1000, 400.0));
      assertThat(stats.maxTokens().n()).isEqualTo(3);
      assertThat(stats.maxTokens().p50()).isEqualTo(128);
      assertThat(stats.maxTokens().mean()).isCloseTo(704 / 3.0, within(1e-9));
      assertThat(stats.promptTokensEstimated()).isFalse();
      assertThat(stats.histogramUpperBounds()).containsExactly(128, 256, 512, 1024);
      assertThat(stats.promptTokenHistogramCounts()).containsExactly(1, 1, 2, 1);
    }
  }

  @Test
  void promptTokensAreEstimatedFromTheTextWhenNotGiven() throws Exception {
    Path file =
        PayloadFiles.write(
            dir,
            "est.jsonl",
            "{\"messages\":[{\"role\":\"system\",\"content\":\"" + "s".repeat(39) + "\"},"
                + "{\"role\":\"user\",\"content\":\"" + "u".repeat(60) + "\"}]}",
            "{\"prompt\":\"" + "p".repeat(8) + "\",\"prompt_tokens\":2000}",
            "{\"body\":\"no prompt here\"}");

    try (PayloadSet set = PayloadSet.open(file, false)) {
      PayloadStats stats = set.stats();

      // 39 + newline + 60 = 100 characters -> 25 tokens; the completions line gives its own count
      assertThat(stats.promptTokens().n()).isEqualTo(2);
      assertThat(stats.promptTokens().min()).isEqualTo(25);
      assertThat(stats.promptTokens().max()).isEqualTo(2000);
      assertThat(stats.promptTokensEstimated()).isTrue();
      assertThat(stats.histogramUpperBounds()).containsExactly(128, 256, 512, 1024, 2048);
      assertThat(stats.promptTokenHistogramCounts()).containsExactly(1, 0, 0, 0, 1);
      assertThat(stats.bodyBytes().min()).isEqualTo("no prompt here".length());
      assertThat(stats.maxTokens()).isEqualTo(PayloadStats.Summary.empty());
    }
  }

  @Test
  void theHistogramCountsEveryPromptLength() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      lines.append("{\"prompt\":\"x\",\"prompt_tokens\":").append(i * 37).append("}\n");
    }
    Path file = PayloadFiles.writeRaw(dir, "hist.jsonl", lines.toString());

    try (PayloadSet set = PayloadSet.open(file, false)) {
      long[] counts = set.stats().promptTokenHistogramCounts();
      long[] bounds = set.stats().histogramUpperBounds();

      assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(40);
      assertThat(bounds[bounds.length - 1]).isGreaterThanOrEqualTo(40 * 37);
      assertThat(bounds[0]).isEqualTo(128);
      assertThat(counts[0]).as("37, 74, 111 are <= 128").isEqualTo(3);
    }
  }

  @Test
  void aSummaryRejectsOutOfOrderPercentiles() {
    assertThatThrownBy(() -> new PayloadStats.Summary(3, 5, 4, 6, 7, 8, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min <= p50");
  }

  @Test
  void statsCannotBeChangedThroughTheirArrays() {
    long[] counts = {1, 2};
    PayloadStats stats =
        new PayloadStats(
            3,
            PayloadStats.Summary.empty(),
            PayloadStats.Summary.empty(),
            PayloadStats.Summary.empty(),
            false,
            counts,
            new long[] {128, 256});
    counts[0] = 99;
    stats.promptTokenHistogramCounts()[1] = 99;

    assertThat(stats.promptTokenHistogramCounts()).containsExactly(1, 2);
  }
}
