package dev.harness.protocol;

import dev.harness.record.TokenCountSource;
import static dev.harness.protocol.Streams.millis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.record.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenMetricsTest {

  private static ResponseResult stream(int outputTokens, long[] nanos, int[] tokens) {
    return new ResponseResult(
        Outcome.SUCCESS, null, 200, outputTokens, -1, TokenCountSource.USAGE, nanos, tokens);
  }

  @Test
  void ttftIsMeasuredFromTheIntendedAndFromTheActualSend() {
    ResponseResult r = stream(1, new long[] {millis(150)}, new int[] {1});

    TokenMetrics m = TokenMetrics.of(millis(100), millis(120), millis(160), r);

    assertThat(m.ttftNanos()).isEqualTo(millis(50));
    assertThat(m.ttftSentNanos()).isEqualTo(millis(30));
    assertThat(m.e2eNanos()).isEqualTo(millis(60));
    assertThat(m.e2eSentNanos()).isEqualTo(millis(40));
  }

  @Test
  void tpotSpreadsTheTimeAfterTheFirstTokenOverTheRemainingTokens() {
    // first token at 200 ms, 11 tokens, last byte at 700 ms: (700 - 200) / 10 = 50 ms
    ResponseResult r = stream(11, new long[] {millis(200), millis(700)}, new int[] {1, 10});

    TokenMetrics m = TokenMetrics.of(0, millis(5), millis(700), r);

    assertThat(m.tpotNanos()).isEqualTo(millis(50));
    assertThat(m.outputTokens()).isEqualTo(11);
  }

  @Test
  void tpotIsUndefinedBelowTwoTokens() {
    ResponseResult r = stream(1, new long[] {millis(200)}, new int[] {1});

    assertThat(TokenMetrics.of(0, 0, millis(300), r).tpotNanos()).isEqualTo(-1);
  }

  @Test
  void withoutChunksTheTokenTimesAreUndefined() {
    ResponseResult r =
        new ResponseResult(Outcome.SUCCESS, null, 200, 12, 5, TokenCountSource.USAGE, null, null);

    TokenMetrics m = TokenMetrics.of(0, 0, millis(300), r);

    assertThat(m.ttftNanos()).isEqualTo(-1);
    assertThat(m.ttftSentNanos()).isEqualTo(-1);
    assertThat(m.tpotNanos()).isEqualTo(-1);
    List<Long> icl = new ArrayList<>();
    m.forEachIcl(icl::add);
    assertThat(icl).isEmpty();
  }

  @Test
  void iclIsTheGapBetweenConsecutiveChunks() {
    ResponseResult r =
        stream(4, new long[] {millis(100), millis(110), millis(135)}, new int[] {1, 1, 2});
    List<Long> gaps = new ArrayList<>();

    TokenMetrics.of(0, 0, millis(140), r).forEachIcl(gaps::add);

    assertThat(gaps).containsExactly(millis(10), millis(25));
  }

  @Test
  void aChunkOfThreeTokensAfterThirtyMillisecondsGivesThreeItlSamplesOfTen() {
    ResponseResult r = stream(4, new long[] {millis(100), millis(130)}, new int[] {1, 3});
    List<long[]> samples = new ArrayList<>();

    TokenMetrics.of(0, 0, millis(130), r)
        .forEachItl((gap, count) -> samples.add(new long[] {gap, count}));

    assertThat(samples).hasSize(1);
    assertThat(samples.get(0)).containsExactly(millis(10), 3);
  }

  @Test
  void itlSkipsChunksWithoutTokensAndIgnoresTheFirstChunk() {
    ResponseResult r =
        stream(
            5,
            new long[] {millis(100), millis(120), millis(150), millis(170)},
            new int[] {2, 0, 2, 1});
    List<long[]> samples = new ArrayList<>();

    TokenMetrics.of(0, 0, millis(170), r)
        .forEachItl((gap, count) -> samples.add(new long[] {gap, count}));

    assertThat(samples).hasSize(2);
    assertThat(samples.get(0)).containsExactly(millis(15), 2);
    assertThat(samples.get(1)).containsExactly(millis(20), 1);
  }
}
