package dev.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesStoreTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void aFullRingKeepsTheNewestPointsInOrder() {
    SeriesStore store = new SeriesStore(100, 10);
    for (int i = 0; i < 250; i++) {
      store.add("m", "", Map.of(), T0.plusSeconds(i), i);
    }
    List<Series> s = store.between(T0, T0.plusSeconds(1000));
    assertThat(s.get(0).points()).hasSize(100);
    assertThat(s.get(0).points().get(0).value()).isEqualTo(150);
    assertThat(s.get(0).points().get(99).value()).isEqualTo(249);
    assertThat(store.last("m", Map.of()).orElseThrow().time()).isEqualTo(T0.plusSeconds(249));
  }

  @Test
  void seriesBeyondTheLimitAreDroppedAndCounted() {
    SeriesStore store = new SeriesStore(10, 2);
    store.add("m", "", Map.of("gpu", "0"), T0, 1);
    store.add("m", "", Map.of("gpu", "1"), T0, 1);
    store.add("m", "", Map.of("gpu", "2"), T0, 1);
    assertThat(store.between(T0, T0.plusSeconds(1))).hasSize(2);
    assertThat(store.droppedSeriesPoints()).isEqualTo(1);
  }

  @Test
  void aPointOlderThanTheLastIsDroppedWhenTheClockStepsBack() {
    SeriesStore store = new SeriesStore(10, 2);
    store.add("m", "", Map.of(), T0.plusSeconds(5), 1);
    store.add("m", "", Map.of(), T0.plusSeconds(4), 2);
    assertThat(store.between(T0, T0.plusSeconds(10)).get(0).points()).hasSize(1);
    assertThat(store.outOfOrderPoints()).isEqualTo(1);
  }
}
