package dev.harness.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.config.ProtocolKind;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import dev.harness.record.Outcome;
import dev.harness.record.TokenCountSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays recorded Triton responses under {@code triton/} split into two reads at every byte
 * boundary, and one byte per read, through the parsers the Triton protocols create; the outcome
 * and token counts must not depend on where the reads split the bytes.
 */
class TritonReplayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SSE = "text/event-stream";
  private static final String JSON_TYPE = "application/json";

  /** One recording and what it must produce, worked out by hand from the file. */
  record Case(
      String file,
      ProtocolKind kind,
      boolean stream,
      int status,
      String contentType,
      Outcome outcome,
      int tokens,
      TokenCountSource source,
      int promptTokens,
      String detail) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Arguments> recordings() {
    ProtocolKind gen = ProtocolKind.TRITON_GENERATE;
    ProtocolKind inf = ProtocolKind.TRITON_INFER;
    return Stream.of(
            // "Hello" 5 -> 1, " world" 6 -> 2, "," 1 -> 1, " how" 4 -> 1, " are you?" 9 -> 2
            new Case("generate-stream.sse", gen, true, 200, SSE, Outcome.SUCCESS, 7,
                TokenCountSource.ESTIMATED, -1, null),
            // num_output_tokens 2 + 2 + 0, num_input_tokens 12
            new Case("generate-stream-counts.sse", gen, true, 200, SSE, Outcome.SUCCESS, 4,
                TokenCountSource.USAGE, 12, null),
            new Case("generate-stream-error.sse", gen, true, 200, SSE, Outcome.STREAM_ERROR, 0,
                TokenCountSource.NONE, -1, "CUDA out of memory. Tried to allocate 2.00 GiB"),
            new Case("generate-stream-event-error.sse", gen, true, 200, SSE,
                Outcome.STREAM_ERROR, 0, TokenCountSource.NONE, -1, "Model is shutting down"),
            new Case("generate-stream-empty.sse", gen, true, 200, SSE, Outcome.STREAM_INCOMPLETE,
                0, TokenCountSource.NONE, -1, "no output tokens"),
            // "Paris is the capital of France." is 31 code points -> (31 + 2) / 4 = 8
            new Case("generate.json", gen, false, 200, JSON_TYPE, Outcome.SUCCESS, 8,
                TokenCountSource.ESTIMATED, -1, null),
            new Case("infer-ok.json", inf, false, 200, JSON_TYPE, Outcome.SUCCESS, 0,
                TokenCountSource.NONE, -1, null),
            new Case("infer-no-outputs.json", inf, false, 200, JSON_TYPE, Outcome.PROTOCOL_ERROR,
                0, TokenCountSource.NONE, -1, "response has no \"outputs\" list"),
            new Case("infer-unknown-model.json", inf, false, 400, JSON_TYPE, Outcome.HTTP_4XX, 0,
                TokenCountSource.NONE, -1,
                "HTTP 400: Request for unknown model: 'resnet' is not found"),
            new Case("infer-500.json", inf, false, 500, JSON_TYPE, Outcome.HTTP_5XX, 0,
                TokenCountSource.NONE, -1,
                "HTTP 500: inference request to model 'fraud' failed: out of memory"),
            new Case("infer-unknown-model.json", inf, false, 429, JSON_TYPE, Outcome.HTTP_429, 0,
                TokenCountSource.NONE, -1,
                "HTTP 429: Request for unknown model: 'resnet' is not found"))
        .map(Arguments::of);
  }

  private static ResponseParser parser(Case c) throws IOException {
    Target target =
        new Target(c.kind(), URI.create("http://127.0.0.1:8000"), "llama", c.stream(), "POST",
            "application/json", Map.of(), Map.of(), null, false, null, null);
    Protocol protocol = Protocols.create(target);
    String body =
        c.kind() == ProtocolKind.TRITON_INFER
            ? "{\"tensors\":{\"X\":{\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1.5]}}}"
            : "{\"prompt\":\"hi\"}";
    Payload payload = new Payload(0, 1, "p0", JSON.readTree(body), 1, -1, 16);
    ResponseParser parser = protocol.newParser(protocol.build(payload, 0));
    parser.onHeaders(c.status(), Streams.headers(c.contentType()), 1);
    return parser;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void oneReadGivesTheExpectedOutcome(Case c) throws IOException {
    byte[] bytes = read(c.file());
    ResponseParser parser = parser(c);
    Streams.feed(parser, bytes, 0, bytes.length, 10);

    ResponseResult result = parser.finish(20);

    assertExpected(result, c);
    if (c.outcome() == Outcome.SUCCESS && c.stream()) {
      assertThat(result.chunkNanos()).containsExactly(10L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void everySplitIntoTwoReadsGivesTheSameOutcome(Case c) throws IOException {
    byte[] bytes = read(c.file());
    for (int split = 1; split < bytes.length; split++) {
      ResponseParser parser = parser(c);
      Streams.feed(parser, bytes, 0, split, 10);
      Streams.feed(parser, bytes, split, bytes.length, 20);

      ResponseResult result = parser.finish(30);

      assertExpected(result, c);
      assertThat(result.chunkNanos()).hasSizeLessThanOrEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void oneBytePerReadGivesTheSameOutcomeWithTtftAtTheFirstText(Case c) throws IOException {
    byte[] bytes = read(c.file());
    ResponseParser parser = parser(c);
    for (int i = 0; i < bytes.length; i++) {
      Streams.feed(parser, bytes, i, i + 1, 1000L * (i + 1));
    }

    ResponseResult result = parser.finish(1000L * (bytes.length + 1));

    assertExpected(result, c);
    if (c.outcome() == Outcome.SUCCESS && c.stream()) {
      // the first chunk is the read that completed the first event carrying text
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      int firstEventEnd = text.indexOf("\n\n") + 2;
      assertThat(result.firstTokenNanos()).isEqualTo(1000L * firstEventEnd);
    }
  }

  private static void assertExpected(ResponseResult result, Case c) {
    assertThat(result.outcome()).isEqualTo(c.outcome());
    assertThat(result.httpStatus()).isEqualTo(c.status());
    assertThat(result.outputTokens()).isEqualTo(c.tokens());
    assertThat(result.tokenSource()).isEqualTo(c.source());
    assertThat(result.promptTokens()).isEqualTo(c.promptTokens());
    assertThat(result.detail()).isEqualTo(c.detail());
    assertThat(Arrays.stream(result.chunkTokens()).sum())
        .isEqualTo(c.stream() ? c.tokens() : 0);
  }

  private static byte[] read(String file) throws IOException {
    try (InputStream in = TritonReplayTest.class.getResourceAsStream("/triton/" + file)) {
      assertThat(in).as("resource triton/%s", file).isNotNull();
      return in.readAllBytes();
    }
  }
}
