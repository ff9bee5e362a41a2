package dev.harness.protocol;

import dev.harness.record.TokenCountSource;
import static dev.harness.protocol.Streams.content;
import static dev.harness.protocol.Streams.done;
import static dev.harness.protocol.Streams.feed;
import static dev.harness.protocol.Streams.finish;
import static dev.harness.protocol.Streams.millis;
import static dev.harness.protocol.Streams.role;
import static dev.harness.protocol.Streams.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harness.record.Outcome;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenAiResponseParserTest {

  @Test
  void contentEventsDeliveredInOneReadFormOneChunk() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, role() + content("a"), millis(10));
    feed(parser, content("b") + content("c") + content("d"), millis(40));
    feed(parser, finish("stop") + usage(3, 4) + done(), millis(41));

    ResponseResult result = parser.finish(millis(41));

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.chunkNanos()).containsExactly(millis(10), millis(40));
    assertThat(result.chunkTokens()).containsExactly(1, 3);
  }

  @Test
  void consecutiveReadsWithTheSameTimeMergeIntoOneChunk() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, content("a"), millis(10));
    feed(parser, content("b"), millis(10));
    feed(parser, content("c") + finish("stop") + usage(3, 3) + done(), millis(20));

    ResponseResult result = parser.finish(millis(20));

    assertThat(result.chunkNanos()).containsExactly(millis(10), millis(20));
    assertThat(result.chunkTokens()).containsExactly(2, 1);
  }

  @Test
  void roleOnlyFirstChunkIsNotTheFirstToken() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, role(), millis(5));
    feed(parser, content(""), millis(7));
    feed(parser, content("Hi"), millis(50));
    feed(parser, content(" you") + finish("stop") + done(), millis(60));

    ResponseResult result = parser.finish(millis(60));

    assertThat(result.firstTokenNanos()).isEqualTo(millis(50));
    assertThat(TokenMetrics.of(0, 0, millis(60), result).ttftNanos()).isEqualTo(millis(50));
  }

  @Test
  void anEventCompletedByALaterReadBelongsToThatRead() {
    ResponseParser parser = Streams.streamingParser();
    String event = content("hello");
    feed(parser, event.substring(0, 20), millis(10));
    feed(parser, event.substring(20) + finish("stop") + done(), millis(25));

    assertThat(parser.finish(millis(25)).chunkNanos()).containsExactly(millis(25));
  }

  @Test
  void usageCountDifferentFromEventsIsSpreadByContentLength() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, content("ab"), millis(10)); // 2 of 20 characters
    feed(parser, content("cdef"), millis(20)); // 4 of 20
    feed(parser, content("ghijklmnopqrst"), millis(30)); // 14 of 20
    feed(parser, finish("stop") + usage(5, 10) + done(), millis(31));

    ResponseResult result = parser.finish(millis(31));

    assertThat(result.tokenSource()).isEqualTo(TokenCountSource.USAGE);
    assertThat(result.outputTokens()).isEqualTo(10);
    assertThat(result.promptTokens()).isEqualTo(5);
    assertThat(result.chunkTokens()).containsExactly(1, 2, 7);
  }

  @Test
  void knownLengthIsUsedWhenTheServerSendsNoUsage() {
    ResponseParser parser = Streams.streamingParser(4);
    feed(parser, content("x"), millis(10));
    feed(parser, content("y"), millis(20));
    feed(parser, content("z") + finish("length") + done(), millis(30));

    ResponseResult result = parser.finish(millis(30));

    assertThat(result.tokenSource()).isEqualTo(TokenCountSource.KNOWN);
    assertThat(result.outputTokens()).isEqualTo(4);
    // equal weights: 4/3 each, the left-over token goes to the earliest chunk
    assertThat(result.chunkTokens()).containsExactly(2, 1, 1);
  }

  @Test
  void usageWinsOverAKnownLength() {
    ResponseParser parser = Streams.streamingParser(100);
    feed(parser, content("x") + content("y") + finish("stop") + usage(1, 2) + done(), millis(10));

    ResponseResult result = parser.finish(millis(10));

    assertThat(result.tokenSource()).isEqualTo(TokenCountSource.USAGE);
    assertThat(result.outputTokens()).isEqualTo(2);
  }

  @Test
  void estimateIsFourCharactersPerTokenAndAtLeastOnePerEvent() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, content("a"), millis(10)); // 1 char -> 1
    feed(parser, content("twelve chars"), millis(20)); // 12 chars -> 3
    feed(parser, finish("stop") + done(), millis(30));

    ResponseResult result = parser.finish(millis(30));

    assertThat(result.tokenSource()).isEqualTo(TokenCountSource.ESTIMATED);
    assertThat(result.chunkTokens()).containsExactly(1, 3);
    assertThat(result.outputTokens()).isEqualTo(4);
  }

  @Test
  void finishReasonWithoutDoneIsAProperEnd() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, content("a") + finish("stop"), millis(10));

    assertThat(parser.finish(millis(11)).outcome()).isEqualTo(Outcome.SUCCESS);
  }

  @Test
  void doneWithoutAnyContentIsIncomplete() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, role() + finish("stop") + usage(3, 0) + done(), millis(10));

    ResponseResult result = parser.finish(millis(10));

    assertThat(result.outcome()).isEqualTo(Outcome.STREAM_INCOMPLETE);
    assertThat(result.detail()).isEqualTo("no output tokens");
  }

  @Test
  void bodyEndingWithoutCompletionIsIncomplete() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, role() + content("a"), millis(10));

    ResponseResult result = parser.finish(millis(11));

    assertThat(result.outcome()).isEqualTo(Outcome.STREAM_INCOMPLETE);
    assertThat(result.detail()).isEqualTo("stream ended without completion");
  }

  @Test
  void lastEventWithoutItsBlankLineStillCounts() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, content("a") + "data: [DONE]\n", millis(10));

    assertThat(parser.finish(millis(11)).outcome()).isEqualTo(Outcome.SUCCESS);
  }

  @Test
  void invalidJsonInADataLineIsAProtocolError() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, content("a") + "data: {\"choices\": [\n\n" + done(), millis(10));

    ResponseResult result = parser.finish(millis(11));

    assertThat(result.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
    assertThat(result.detail())
        .startsWith("invalid JSON in stream event")
        .contains("{\"choices\": [");
  }

  @Test
  void errorEventWithPlainTextUsesTheText() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, content("a") + "event: error\ndata: upstream went away\n\n", millis(10));

    ResponseResult result = parser.finish(millis(11));

    assertThat(result.outcome()).isEqualTo(Outcome.STREAM_ERROR);
    assertThat(result.detail()).isEqualTo("upstream went away");
  }

  @Test
  void eventsAfterAnErrorAreIgnored() {
    ResponseParser parser = Streams.streamingParser();
    feed(parser, "data: {\"object\":\"error\",\"message\":\"boom\",\"code\":500}\n\n", millis(10));
    feed(parser, content("a") + finish("stop") + done(), millis(20));

    ResponseResult result = parser.finish(millis(20));

    assertThat(result.outcome()).isEqualTo(Outcome.STREAM_ERROR);
    assertThat(result.detail()).isEqualTo("boom");
  }

  @Test
  void multiByteCharacterSplitAcrossReadsIsCountedOnce() {
    ResponseParser parser = Streams.streamingParser(1);
    byte[] bytes = (content("日") + finish("stop") + done()).getBytes(StandardCharsets.UTF_8);
    int inside = new String(bytes, StandardCharsets.UTF_8).indexOf('日') + 1; // byte index after 1st
    feed(parser, bytes, 0, inside, millis(10));
    feed(parser, bytes, inside, bytes.length, millis(20));

    ResponseResult result = parser.finish(millis(20));

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.chunkNanos()).containsExactly(millis(20));
  }

  @Test
  void jsonResponseToAStreamingRequestIsReadAsAWholeResponse() {
    ResponseParser parser = new OpenAiResponseParser(true, -1);
    parser.onHeaders(200, Streams.headers("application/json"), 0);
    feed(
        parser,
        "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello there\"},"
            + "\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}",
        millis(10));

    ResponseResult result = parser.finish(millis(10));

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.outputTokens()).isEqualTo(3);
    assertThat(result.promptTokens()).isEqualTo(9);
    assertThat(result.tokenSource()).isEqualTo(TokenCountSource.USAGE);
    assertThat(result.chunkNanos()).isEmpty();
  }

  @Test
  void wholeCompletionsResponseWithoutUsageIsEstimatedFromItsText() {
    ResponseParser parser = new OpenAiResponseParser(false, -1);
    parser.onHeaders(200, Streams.headers("application/json"), 0);
    byte[] json =
        "{\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\"sixteen chars!!!\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    feed(parser, json, 0, 10, millis(1));
    feed(parser, json, 10, json.length, millis(2));

    ResponseResult result = parser.finish(millis(2));

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.tokenSource()).isEqualTo(TokenCountSource.ESTIMATED);
    assertThat(result.outputTokens()).isEqualTo(4);
  }

  @Test
  void wholeResponseWithoutChoicesIsAProtocolError() {
    ResponseParser parser = new OpenAiResponseParser(false, -1);
    parser.onHeaders(200, Streams.headers("application/json"), 0);
    feed(parser, "{\"choices\":[]}", millis(1));

    ResponseResult result = parser.finish(millis(1));

    assertThat(result.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
    assertThat(result.detail()).isEqualTo("response has no choices");
  }

  @Test
  void wholeResponseOverTheLimitIsAProtocolErrorWithoutKeepingIt() {
    ResponseParser parser = new OpenAiResponseParser(false, -1);
    parser.onHeaders(200, Streams.headers("application/json"), 0);
    byte[] megabyte = new byte[1024 * 1024];
    for (int i = 0; i <= OpenAiResponseParser.MAX_BODY_BYTES / megabyte.length; i++) {
      parser.onContent(Unpooled.wrappedBuffer(megabyte), millis(i));
    }

    ResponseResult result = parser.finish(millis(100));

    assertThat(result.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
    assertThat(result.detail()).contains("larger than " + OpenAiResponseParser.MAX_BODY_BYTES);
  }

  @Test
  void errorStatusIsClassifiedWithTheServerMessage() {
    ResponseParser parser = new OpenAiResponseParser(true, -1);
    parser.onHeaders(400, Streams.headers("application/json"), 0);
    feed(
        parser,
        "{\"object\":\"error\",\"message\":\"This model's maximum context length is 4096 tokens\","
            + "\"type\":\"BadRequestError\",\"param\":null,\"code\":400}",
        millis(1));

    ResponseResult result = parser.finish(millis(1));

    assertThat(result.outcome()).isEqualTo(Outcome.HTTP_4XX);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.detail())
        .isEqualTo("HTTP 400: This model's maximum context length is 4096 tokens");
  }

  @Test
  void contentBeforeHeadersIsRejected() {
    ResponseParser parser = new OpenAiResponseParser(true, -1);

    assertThatThrownBy(() -> feed(parser, "data: x\n\n", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before onHeaders");
  }
}
