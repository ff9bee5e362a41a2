package dev.harness.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadSamplerTest {

  @TempDir Path dir;

  private PayloadSet setOf(double... weights) throws Exception {
    List<String> lines = new ArrayList<>();
    for (double w : weights) {
      lines.add("{\"prompt\":\"x\",\"weight\":" + w + "}");
    }
    return PayloadSet.open(PayloadFiles.write(dir, "w" + weights.length + ".jsonl", lines), false);
  }

  private PayloadSet setOfSize(int n) throws Exception {
    double[] ones = new double[n];
    Arrays.fill(ones, 1);
    return setOf(ones);
  }

  private static int[] draw(PayloadSampler sampler, int n) {
    return IntStream.range(0, n).map(i -> sampler.nextIndex()).toArray();
  }

  @Test
  void sequentialGoesInFileOrderAndWrapsAround() throws Exception {
    try (PayloadSet set = setOfSize(3)) {
      assertThat(draw(PayloadSampler.of(Sampling.SEQUENTIAL, set, 1), 7))
          .containsExactly(0, 1, 2, 0, 1, 2, 0);
    }
  }

  @Test
  void shuffleUsesEveryPayloadOncePerPassAndPassesDiffer() throws Exception {
    try (PayloadSet set = setOfSize(50)) {
      int[] drawn = draw(PayloadSampler.of(Sampling.SHUFFLE, set, 42), 150);
      int[] pass1 = Arrays.copyOfRange(drawn, 0, 50);
      int[] pass2 = Arrays.copyOfRange(drawn, 50, 100);
      int[] pass3 = Arrays.copyOfRange(drawn, 100, 150);
      int[] identity = IntStream.range(0, 50).toArray();

      for (int[] pass : List.of(pass1, pass2, pass3)) {
        assertThat(pass).containsExactlyInAnyOrder(identity);
      }
      assertThat(pass1).isNotEqualTo(identity);
      assertThat(pass2).isNotEqualTo(pass1);
      assertThat(pass3).isNotEqualTo(pass2);
    }
  }

  @Test
  void theSameSeedGivesTheSameOrder() throws Exception {
    try (PayloadSet set = setOf(1, 2, 3, 4, 5, 6, 7, 8)) {
      for (Sampling sampling : Sampling.values()) {
        assertThat(draw(PayloadSampler.of(sampling, set, 9), 100))
            .as("%s", sampling)
            .isEqualTo(draw(PayloadSampler.of(sampling, set, 9), 100));
      }
    }
  }

  @Test
  void aDifferentSeedGivesADifferentOrder() throws Exception {
    try (PayloadSet set = setOf(1, 2, 3, 4, 5, 6, 7, 8)) {
      for (Sampling sampling : List.of(Sampling.SHUFFLE, Sampling.WEIGHTED)) {
        assertThat(draw(PayloadSampler.of(sampling, set, 9), 100))
            .as("%s", sampling)
            .isNotEqualTo(draw(PayloadSampler.of(sampling, set, 10), 100));
      }
    }
  }

  @Test
  void weightedDrawsFollowTheWeights() throws Exception {
    double[] weights = {1, 2, 3, 4, 0.5, 9.5};
    double total = Arrays.stream(weights).sum();
    int n = 100_000;
    try (PayloadSet set = setOf(weights)) {
      int[] counts = new int[weights.length];
      PayloadSampler sampler = PayloadSampler.of(Sampling.WEIGHTED, set, 2024);
      for (int i = 0; i < n; i++) {
        counts[sampler.nextIndex()]++;
      }

      for (int i = 0; i < weights.length; i++) {
        double p = weights[i] / total;
        double sigma = Math.sqrt(p * (1 - p) / n);
        assertThat((double) counts[i] / n)
            .as("share of payload %d", i)
            .isCloseTo(p, within(4 * sigma));
      }
    }
  }

  @Test
  void weightedWithEqualWeightsIsUniform() throws Exception {
    int n = 100_000;
    try (PayloadSet set = setOfSize(4)) {
      int[] counts = new int[4];
      PayloadSampler sampler = PayloadSampler.of(Sampling.WEIGHTED, set, 5);
      for (int i = 0; i < n; i++) {
        counts[sampler.nextIndex()]++;
      }

      double sigma = Math.sqrt(0.25 * 0.75 / n);
      for (int c : counts) {
        assertThat((double) c / n).isCloseTo(0.25, within(4 * sigma));
      }
    }
  }

  @Test
  void aSetOfOneAlwaysGivesIndexZero() throws Exception {
    try (PayloadSet set = setOfSize(1)) {
      for (Sampling sampling : Sampling.values()) {
        assertThat(draw(PayloadSampler.of(sampling, set, 3), 10)).containsOnly(0);
      }
    }
  }
}
