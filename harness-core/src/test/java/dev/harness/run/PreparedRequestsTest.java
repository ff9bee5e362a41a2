package dev.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.harness.config.ProtocolKind;
import dev.harness.config.Target;
import dev.harness.payload.PayloadSampler;
import dev.harness.payload.PayloadSet;
import dev.harness.payload.PromptSalter;
import dev.harness.payload.Sampling;
import dev.harness.protocol.Protocol;
import dev.harness.protocol.Protocols;
import dev.harness.protocol.RequestSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedRequestsTest {
  @TempDir Path dir;

  private PayloadSet chatSet(int n) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("{\"id\": \"q").append(i)
          .append("\", \"messages\": [{\"role\": \"user\", \"content\": \"question ").append(i)
          .append("\"}], \"max_tokens\": 8}\n");
    }
    return PayloadSet.open(Files.writeString(dir.resolve("chat.jsonl"), sb), false);
  }

  private static Protocol chat() {
    return Protocols.create(
        new Target(ProtocolKind.OPENAI_CHAT, URI.create("http://127.0.0.1:1/v1/chat/completions"),
            "m", true, "POST", "application/json", Map.of(), Map.of(), null, false, null, null));
  }

  /**
   * Payload indexes of the first {@code count} requests. Each call opens its own set: closing
   * PreparedRequests interrupts its producer, which may close a file channel it is reading.
   */
  private List<Integer> payloadOrder(long seed, int count) throws Exception {
    List<Integer> order = new ArrayList<>();
    try (PayloadSet set = chatSet(20);
        PreparedRequests requests =
            new PreparedRequests(
                set, PayloadSampler.of(Sampling.SHUFFLE, set, seed), chat(), false)) {
      for (int i = 0; i < count; i++) {
        order.add(requests.next(i).payloadIndex());
      }
    }
    return order;
  }

  @Test
  void theSameSeedReplaysTheSamePayloadOrder() throws Exception {
    List<Integer> first = payloadOrder(5, 60);
    List<Integer> again = payloadOrder(5, 60);
    List<Integer> otherSeed = payloadOrder(6, 60);

    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
    assertThat(first.subList(0, 20)).containsExactlyInAnyOrderElementsOf(
        java.util.stream.IntStream.range(0, 20).boxed().toList());
  }

  @Test
  void requestsMustBeTakenInSequenceOrder() throws Exception {
    try (PayloadSet set = chatSet(3);
        PreparedRequests requests =
            new PreparedRequests(set, PayloadSampler.of(Sampling.SEQUENTIAL, set, 1), chat(),
                false)) {
      requests.next(0);

      assertThatIllegalStateException().isThrownBy(() -> requests.next(2))
          .withMessageContaining("in order").withMessageContaining("2");
    }
  }

  @Test
  void saltingGivesEveryRequestItsOwnMarker() throws Exception {
    try (PayloadSet set = chatSet(1);
        PreparedRequests requests =
            new PreparedRequests(set, PayloadSampler.of(Sampling.SEQUENTIAL, set, 1), chat(),
                true)) {
      String first = body(requests.next(0));
      String second = body(requests.next(1));

      assertThat(first).contains(PromptSalter.marker(0)).contains("question 0");
      assertThat(second).contains(PromptSalter.marker(1)).contains("question 0");
      assertThat(first).isNotEqualTo(second);
    }
  }

  private static String body(RequestSpec spec) {
    return new String(spec.body(), StandardCharsets.UTF_8);
  }
}
