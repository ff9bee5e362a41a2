package dev.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LlmModelTest {
  private static final long MS = 1_000_000L;
  private static final long US = 1_000L;

  /** decode 10 ms + 1 ms per sequence, prefill 0.1 ms per prompt token. */
  private static LlmModel model(long kvTokens, int maxBatch) {
    return new LlmModel(new LlmModel.Params(10 * MS, MS, 100 * US, kvTokens, maxBatch));
  }

  @Test
  void twoRequestsShareStepsWithHandComputedTokenTimes() {
    LlmModel m = model(100_000, 256);
    m.arrive(1, 0, 100, 3);
    LlmModel.Step s1 = m.step(0); // A alone: 10 + 1×1 + 0.1×100 = 21 ms
    assertThat(s1.end()).isEqualTo(21 * MS);
    assertThat(s1.admitted()).containsExactly(1L);
    assertThat(s1.tokens()).containsExactly(new LlmModel.Emission(1, 1, false));

    m.arrive(2, 5 * MS, 50, 2); // arrives mid-step: joins the next one
    LlmModel.Step s2 = m.step(s1.end()); // batch 2, B's prefill: 10 + 2 + 5 = 17 ms
    assertThat(s2.start()).isEqualTo(21 * MS);
    assertThat(s2.end()).isEqualTo(38 * MS);
    assertThat(s2.batchSize()).isEqualTo(2);
    assertThat(s2.admitted()).containsExactly(2L);
    assertThat(s2.tokens())
        .containsExactly(new LlmModel.Emission(1, 2, false), new LlmModel.Emission(2, 1, false));

    LlmModel.Step s3 = m.step(s2.end()); // batch 2, decode only: 10 + 2 = 12 ms
    assertThat(s3.end()).isEqualTo(50 * MS);
    assertThat(s3.tokens())
        .containsExactly(new LlmModel.Emission(1, 3, true), new LlmModel.Emission(2, 2, true));
    assertThat(m.step(s3.end())).isNull();
    assertThat(m.busyNanos()).isEqualTo(50 * MS);
    assertThat(m.kvUsedTokens()).isZero();
  }

  @Test
  void batchingMakesEachStepSlowerButServesBothAtOnce() {
    LlmModel alone = model(100_000, 256);
    alone.arrive(1, 0, 0, 10);
    long end = 0;
    for (LlmModel.Step s = alone.step(0); s != null; s = alone.step(s.end())) {
      end = s.end();
    }
    LlmModel pair = model(100_000, 256);
    pair.arrive(1, 0, 0, 10);
    pair.arrive(2, 0, 0, 10);
    long pairEnd = 0;
    for (LlmModel.Step s = pair.step(0); s != null; s = pair.step(s.end())) {
      pairEnd = s.end();
    }
    assertThat(end).isEqualTo(10 * 11 * MS);
    assertThat(pairEnd).isEqualTo(10 * 12 * MS); // not 2 × 110 ms: continuous batching
  }

  @Test
  void aFullKvCacheKeepsTheNextRequestWaitingUntilSpaceIsFreed() {
    LlmModel m = model(1000, 256);
    m.arrive(1, 0, 598, 2); // reserves 600
    m.arrive(2, 0, 300, 200); // needs 500: 1100 > 1000
    LlmModel.Step s1 = m.step(0);
    assertThat(s1.admitted()).containsExactly(1L);
    assertThat(m.waiting()).isEqualTo(1);
    assertThat(m.kvUsedTokens()).isEqualTo(600);
    LlmModel.Step s2 = m.step(s1.end());
    assertThat(s2.admitted()).isEmpty();
    assertThat(s2.tokens()).containsExactly(new LlmModel.Emission(1, 2, true));
    LlmModel.Step s3 = m.step(s2.end());
    assertThat(s3.admitted()).containsExactly(2L);
    assertThat(s3.start()).isEqualTo(s1.end() + 11 * MS);
    assertThat(m.kvUsedTokens()).isEqualTo(500);
  }

  @Test
  void theBatchNeverExceedsMaxBatch() {
    LlmModel m = model(100_000, 1);
    m.arrive(1, 0, 0, 1);
    m.arrive(2, 0, 0, 1);
    LlmModel.Step s1 = m.step(0);
    assertThat(s1.batchSize()).isEqualTo(1);
    assertThat(m.step(s1.end()).admitted()).containsExactly(2L);
  }

  @Test
  void aRequestLargerThanTheWholeCacheIsRefused() {
    LlmModel m = model(1000, 256);
    assertThat(m.fits(800, 200)).isTrue();
    assertThat(m.fits(900, 200)).isFalse();
    assertThatThrownBy(() -> m.arrive(1, 0, 900, 200))
        .hasMessageContaining("1100 tokens")
        .hasMessageContaining("1000 tokens");
  }

  @Test
  void anIdleEngineHasNoStep() {
    LlmModel m = model(1000, 4);
    assertThat(m.step(0)).isNull();
    m.arrive(1, 7 * MS, 1, 1);
    assertThat(m.step(5 * MS)).isNull(); // not arrived yet at 5 ms
    assertThat(m.firstWaitingArrival()).isEqualTo(7 * MS);
    assertThat(m.step(7 * MS).tokens()).isEqualTo(List.of(new LlmModel.Emission(1, 1, true)));
  }
}
