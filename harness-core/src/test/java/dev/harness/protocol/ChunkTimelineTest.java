package dev.harness.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChunkTimelineTest {

  @Test
  void eventsWithTheSameReadTimeShareAChunk() {
    ChunkTimeline timeline = new ChunkTimeline();
    timeline.addEvent(10, 3);
    timeline.addEvent(10, 5);
    timeline.addEvent(20, 1);

    assertThat(timeline.chunkNanos()).containsExactly(10, 20);
    assertThat(timeline.tokensFromEvents()).containsExactly(2, 1);
    assertThat(timeline.totalEvents()).isEqualTo(3);
  }

  @Test
  void largestRemaindersGetTheLeftOverTokens() {
    ChunkTimeline timeline = new ChunkTimeline();
    timeline.addEvent(1, 1); // quota 7 * 1/10 = 0.7
    timeline.addEvent(2, 3); // 2.1
    timeline.addEvent(3, 6); // 4.2

    assertThat(timeline.distribute(7)).containsExactly(1, 2, 4);
  }

  @Test
  void distributionAlwaysSumsToTheTotal() {
    SplittableRandom random = new SplittableRandom(42);
    for (int trial = 0; trial < 200; trial++) {
      ChunkTimeline timeline = new ChunkTimeline();
      int chunks = 1 + random.nextInt(150);
      for (int i = 0; i < chunks; i++) {
        timeline.addEvent(i, 1 + random.nextInt(40));
      }
      int total = random.nextInt(500);

      int[] tokens = timeline.distribute(total);

      assertThat(tokens).hasSize(chunks);
      assertThat(Arrays.stream(tokens).sum()).isEqualTo(total);
      assertThat(Arrays.stream(tokens).min().getAsInt()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void estimateIsPerEventSoReadBoundariesDoNotChangeIt() {
    ChunkTimeline merged = new ChunkTimeline();
    merged.addEvent(1, 6);
    merged.addEvent(1, 6);
    ChunkTimeline apart = new ChunkTimeline();
    apart.addEvent(1, 6);
    apart.addEvent(2, 6);

    // 6 characters round to 2 tokens per event, not 12 / 4 = 3 for the merged chunk
    assertThat(merged.estimatedTokens()).containsExactly(4);
    assertThat(apart.estimatedTokens()).containsExactly(2, 2);
  }
}
