package dev.harness.protocol;

import dev.harness.record.TokenCountSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.record.Outcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays recorded vLLM-style streams under {@code sse/} split into reads in every possible way and
 * checks that the outcome and token counts never depend on where the reads split the bytes.
 */
class SseReplayTest {

  /** What each recording must produce, worked out by hand from the file. */
  static Stream<Arguments> recordings() {
    return Stream.of(
        expect("chat-role-first.sse", Outcome.SUCCESS, 5, TokenCountSource.USAGE, 12, null),
        expect(
            "chat-usage-in-last-choice.sse", Outcome.SUCCESS, 6, TokenCountSource.USAGE, 8, null),
        expect("chat-usage-separate.sse", Outcome.SUCCESS, 7, TokenCountSource.USAGE, 21, null),
        expect(
            "chat-error-mid-stream.sse",
            Outcome.STREAM_ERROR,
            0,
            TokenCountSource.NONE,
            -1,
            "CUDA error: an illegal memory access was encountered"),
        expect(
            "chat-event-error.sse",
            Outcome.STREAM_ERROR,
            0,
            TokenCountSource.NONE,
            -1,
            "Engine loop has died"),
        expect(
            "chat-cut.sse",
            Outcome.STREAM_INCOMPLETE,
            0,
            TokenCountSource.NONE,
            -1,
            "stream ended without completion"),
        // "The" 3 chars -> 1, " quick" 6 -> 2, " brown" 6 -> 2, " fox" 4 -> 1, " jumps" 6 -> 2
        expect("chat-done-no-usage.sse", Outcome.SUCCESS, 8, TokenCountSource.ESTIMATED, -1, null),
        expect("completions.sse", Outcome.SUCCESS, 4, TokenCountSource.USAGE, 6, null));
  }

  private static Arguments expect(
      String file,
      Outcome outcome,
      int tokens,
      TokenCountSource source,
      int promptTokens,
      String detail) {
    return Arguments.of(file, outcome, tokens, source, promptTokens, detail);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void oneReadGivesTheExpectedOutcome(
      String file, Outcome outcome, int tokens, TokenCountSource source, int prompt, String detail)
      throws IOException {
    byte[] bytes = read(file);
    ResponseParser parser = Streams.streamingParser();
    Streams.feed(parser, bytes, 0, bytes.length, 10);
    ResponseResult result = parser.finish(20);

    assertExpected(result, outcome, tokens, source, prompt, detail);
    if (outcome == Outcome.SUCCESS) {
      assertThat(result.chunkNanos()).containsExactly(10L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void everySplitIntoTwoReadsGivesTheSameOutcome(
      String file, Outcome outcome, int tokens, TokenCountSource source, int prompt, String detail)
      throws IOException {
    byte[] bytes = read(file);
    for (int split = 1; split < bytes.length; split++) {
      ResponseParser parser = Streams.streamingParser();
      Streams.feed(parser, bytes, 0, split, 10);
      Streams.feed(parser, bytes, split, bytes.length, 20);
      ResponseResult result = parser.finish(30);

      assertExpected(result, outcome, tokens, source, prompt, detail);
      assertThat(result.chunkNanos()).hasSizeLessThanOrEqualTo(2);
      for (long nanos : result.chunkNanos()) {
        assertThat(nanos).isIn(10L, 20L);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void oneBytePerReadGivesTheSameOutcome(
      String file, Outcome outcome, int tokens, TokenCountSource source, int prompt, String detail)
      throws IOException {
    byte[] bytes = read(file);
    ResponseParser parser = Streams.streamingParser();
    ByteBuf reused = Unpooled.buffer(1);
    for (int i = 0; i < bytes.length; i++) {
      reused.clear().writeByte(bytes[i]);
      parser.onContent(reused, 1000L * (i + 1));
    }
    ResponseResult result = parser.finish(1000L * (bytes.length + 1));

    assertExpected(result, outcome, tokens, source, prompt, detail);
    if (outcome == Outcome.SUCCESS) {
      long[] nanos = result.chunkNanos();
      for (int i = 1; i < nanos.length; i++) {
        assertThat(nanos[i]).isGreaterThan(nanos[i - 1]);
      }
    }
  }

  private static void assertExpected(
      ResponseResult result,
      Outcome outcome,
      int tokens,
      TokenCountSource source,
      int prompt,
      String detail) {
    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.outputTokens()).isEqualTo(tokens);
    assertThat(result.tokenSource()).isEqualTo(source);
    assertThat(result.promptTokens()).isEqualTo(prompt);
    assertThat(result.detail()).isEqualTo(detail);
    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(Arrays.stream(result.chunkTokens()).sum()).isEqualTo(tokens);
  }

  private static byte[] read(String file) throws IOException {
    try (InputStream in = SseReplayTest.class.getResourceAsStream("/sse/" + file)) {
      assertThat(in).as("resource sse/%s", file).isNotNull();
      return in.readAllBytes();
    }
  }
}
