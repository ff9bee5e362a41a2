package dev.harness.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** Test helpers: vLLM-style SSE events and a driver that feeds bytes to a parser. */
final class Streams {

  private Streams() {}

  static String role() {
    return chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null");
  }

  static String content(String text) {
    return chunk("{\"content\":\"" + text + "\"}", "null");
  }

  static String finish(String reason) {
    return chunk("{}", "\"" + reason + "\"");
  }

  static String usage(int prompt, int completion) {
    return "data: {\"id\":\"chatcmpl-t\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
        + "\"usage\":{\"prompt_tokens\":"
        + prompt
        + ",\"completion_tokens\":"
        + completion
        + ",\"total_tokens\":"
        + (prompt + completion)
        + "}}\n\n";
  }

  static String done() {
    return "data: [DONE]\n\n";
  }

  private static String chunk(String delta, String finishReason) {
    String head = "data: {\"id\":\"chatcmpl-t\",\"object\":\"chat.completion.chunk\",";
    return head
        + "\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finishReason
        + "}]}\n\n";
  }

  static HttpHeaders headers(String contentType) {
    return new DefaultHttpHeaders().set(HttpHeaderNames.CONTENT_TYPE, contentType);
  }

  static HttpHeaders sseHeaders() {
    return headers("text/event-stream; charset=utf-8");
  }

  /**
   * Feeds {@code bytes[from, to)} as one read at {@code readNanos} through a scratch buffer that is
   * scribbled over afterwards, so a parser that kept the buffer would see garbage.
   */
  static void feed(ResponseParser parser, byte[] bytes, int from, int to, long readNanos) {
    ByteBuf scratch = Unpooled.buffer(Math.max(1, to - from));
    scratch.writeBytes(bytes, from, to - from);
    parser.onContent(scratch, readNanos);
    for (int i = 0; i < scratch.capacity(); i++) {
      scratch.setByte(i, 'x');
    }
    scratch.release();
  }

  static void feed(ResponseParser parser, String text, long readNanos) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    feed(parser, bytes, 0, bytes.length, readNanos);
  }

  /** A streaming chat parser with no known output length, after 200 and SSE headers at 0. */
  static ResponseParser streamingParser() {
    return streamingParser(-1);
  }

  static ResponseParser streamingParser(int expectedOutputTokens) {
    ResponseParser parser = new OpenAiResponseParser(true, expectedOutputTokens);
    parser.onHeaders(200, sseHeaders(), 0);
    return parser;
  }

  static long millis(long ms) {
    return ms * 1_000_000L;
  }
}
