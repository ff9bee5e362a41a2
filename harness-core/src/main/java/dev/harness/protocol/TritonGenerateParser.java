package dev.harness.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harness.record.Outcome;
import dev.harness.record.TokenCountSource;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses one response of Triton's generate extension: a whole JSON object from {@code generate},
 * an SSE stream from {@code generate_stream}, or an error status.
 *
 * <p>Stream rules: every {@code data:} event is a JSON object; its {@code text_output} is one
 * chunk of generated text (events are grouped per socket read by {@link ChunkTimeline}, exactly as
 * for OpenAI streams). Triton sends no end marker, so the stream ends properly with the body; it
 * succeeds when it carried at least one token. An event with an {@code error} (or of SSE type
 * {@code error}) ends it with {@link Outcome#STREAM_ERROR}, invalid JSON with {@link
 * Outcome#PROTOCOL_ERROR}; a {@code [DONE]} some proxies add is ignored.
 *
 * <p>Token counts: {@code num_output_tokens}, the per-response count the vLLM backend adds when
 * asked with {@code return_num_output_tokens}, summed over the events (source USAGE); else the
 * request's known length (KNOWN); else estimated from the text (ESTIMATED). {@code
 * num_input_tokens} gives the prompt tokens when present.
 */
final class TritonGenerateParser implements ResponseParser, SseDecoder.Listener {

  /** Largest whole response, and largest single SSE event, that is parsed. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

  private enum Mode {
    STREAM,
    WHOLE,
    ERROR
  }

  private final boolean streamRequested;
  private final int expectedOutputTokens;
  private final ChunkTimeline chunks = new ChunkTimeline();

  private int status;
  private Mode mode;
  private SseDecoder decoder;
  private BoundedBody body;
  private long readNanos;
  private long countedTokens;
  private boolean counted;
  private int promptTokens = -1;
  private Outcome failure;
  private String failureDetail;

  TritonGenerateParser(boolean streamRequested, int expectedOutputTokens) {
    this.streamRequested = streamRequested;
    this.expectedOutputTokens = expectedOutputTokens;
  }

  @Override
  public void onHeaders(int status, HttpHeaders headers, long readNanos) {
    this.status = status;
    if (HttpErrors.classify(status) != Outcome.SUCCESS) {
      mode = Mode.ERROR;
      body = new BoundedBody(HttpErrors.ERROR_BODY_CAP_BYTES);
      return;
    }
    String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE, "").toLowerCase(Locale.ROOT);
    boolean sse =
        streamRequested
            ? !contentType.startsWith("application/json")
            : contentType.startsWith("text/event-stream");
    if (sse) {
      mode = Mode.STREAM;
      decoder = new SseDecoder(this, MAX_BODY_BYTES);
    } else {
      mode = Mode.WHOLE;
      body = new BoundedBody(MAX_BODY_BYTES);
    }
  }

  @Override
  public void onContent(ByteBuf content, long readNanos) {
    if (mode == null) {
      throw new IllegalStateException("onContent called before onHeaders");
    }
    if (mode != Mode.STREAM) {
      body.append(content);
      return;
    }
    if (failure != null) {
      return; // drain
    }
    this.readNanos = readNanos;
    if (!decoder.feed(content)) {
      fail(Outcome.PROTOCOL_ERROR, "stream event longer than " + decoder.maxLineBytes() + " bytes");
    }
  }

  @Override
  public ResponseResult finish(long readNanos) {
    if (mode == null) {
      throw new IllegalStateException("finish called before onHeaders");
    }
    return switch (mode) {
      case ERROR -> HttpErrors.failure(status, body);
      case WHOLE -> finishWhole();
      case STREAM -> finishStream(readNanos);
    };
  }

  @Override
  public void onEvent(String eventType, byte[] data, int length) {
    if (failure != null) {
      return;
    }
    if ("error".equals(eventType)) {
      fail(Outcome.STREAM_ERROR, message(data, length));
      return;
    }
    if (isDone(data, length)) {
      return;
    }
    JsonNode event;
    try {
      event = Json.parse(data, 0, length);
    } catch (IOException e) {
      fail(Outcome.PROTOCOL_ERROR, "invalid JSON in stream event: " + utf8(data, length));
      return;
    }
    if (!event.isObject()) {
      fail(Outcome.PROTOCOL_ERROR, "stream event is not a JSON object: " + utf8(data, length));
    } else if (hasError(event)) {
      fail(Outcome.STREAM_ERROR, message(data, length));
    } else {
      int codePoints = textCodePoints(event);
      if (codePoints > 0) {
        chunks.addEvent(readNanos, codePoints);
      }
      readCounts(event);
    }
  }

  private ResponseResult finishStream(long finishNanos) {
    if (failure == null) {
      readNanos = finishNanos;
      decoder.endOfInput();
    }
    if (failure != null) {
      return ResponseResult.failure(failure, status, failureDetail);
    }
    TokenCountSource source;
    int[] chunkTokens;
    int total;
    if (counted || expectedOutputTokens >= 0) {
      source = counted ? TokenCountSource.USAGE : TokenCountSource.KNOWN;
      total = counted ? (int) Math.min(Integer.MAX_VALUE, countedTokens) : expectedOutputTokens;
      chunkTokens =
          total == chunks.totalEvents() ? chunks.tokensFromEvents() : chunks.distribute(total);
    } else {
      source = TokenCountSource.ESTIMATED;
      chunkTokens = chunks.estimatedTokens();
      total = 0;
      for (int t : chunkTokens) {
        total += t;
      }
    }
    if (chunks.size() == 0 || total == 0) {
      return ResponseResult.failure(Outcome.STREAM_INCOMPLETE, status, "no output tokens");
    }
    return new ResponseResult(
        Outcome.SUCCESS, null, status, total, promptTokens, source, chunks.chunkNanos(),
        chunkTokens);
  }

  private ResponseResult finishWhole() {
    if (body.truncated()) {
      return ResponseResult.failure(
          Outcome.PROTOCOL_ERROR,
          status,
          "response body larger than " + body.capBytes() + " bytes");
    }
    JsonNode response;
    try {
      response = Json.parse(body.array(), 0, body.length());
    } catch (IOException e) {
      return ResponseResult.failure(
          Outcome.PROTOCOL_ERROR, status, "invalid JSON response: " + HttpErrors.snippet(body));
    }
    if (!response.isObject()) {
      return ResponseResult.failure(
          Outcome.PROTOCOL_ERROR, status, "response is not a JSON object");
    }
    if (hasError(response)) {
      String message = message(body.array(), body.length());
      return ResponseResult.failure(Outcome.STREAM_ERROR, status, message);
    }
    if (!response.has("text_output")) {
      return ResponseResult.failure(
          Outcome.PROTOCOL_ERROR, status, "response has no \"text_output\"");
    }
    readCounts(response);
    TokenCountSource source;
    int total;
    if (counted) {
      source = TokenCountSource.USAGE;
      total = (int) Math.min(Integer.MAX_VALUE, countedTokens);
    } else if (expectedOutputTokens >= 0) {
      source = TokenCountSource.KNOWN;
      total = expectedOutputTokens;
    } else {
      source = TokenCountSource.ESTIMATED;
      total = TokenEstimator.estimate(textCodePoints(response));
    }
    return new ResponseResult(
        Outcome.SUCCESS, null, status, total, promptTokens, source, null, null);
  }

  /** Code points of {@code text_output}: a string, or the strings of a list (a batch of one). */
  private static int textCodePoints(JsonNode event) {
    JsonNode text = event.get("text_output");
    if (text == null) {
      return 0;
    }
    if (text.isTextual()) {
      return Json.codePoints(text.textValue());
    }
    int total = 0;
    if (text.isArray()) {
      for (JsonNode t : text) {
        total += t.isTextual() ? Json.codePoints(t.textValue()) : 0;
      }
    }
    return total;
  }

  private void readCounts(JsonNode event) {
    long output = count(event.get("num_output_tokens"));
    if (output >= 0) {
      countedTokens += output;
      counted = true;
    }
    long input = count(event.get("num_input_tokens"));
    if (input >= 0 && input <= Integer.MAX_VALUE) {
      promptTokens = (int) input;
    }
  }

  /** A whole number ≥ 0, also as a one-element list (a tensor of shape [1]); else -1. */
  private static long count(JsonNode value) {
    if (value != null && value.isArray() && value.size() == 1) {
      value = value.get(0);
    }
    return value != null && value.isIntegralNumber() && value.canConvertToLong()
            && value.longValue() >= 0
        ? value.longValue()
        : -1;
  }

  private static boolean hasError(JsonNode node) {
    JsonNode error = node.get("error");
    return error != null && !error.isNull();
  }

  /** The server's message in an error event or body, else the text itself. */
  private static String message(byte[] data, int length) {
    try {
      String message = HttpErrors.serverMessage(Json.parse(data, 0, length));
      if (message != null) {
        return HttpErrors.oneLine(message);
      }
    } catch (IOException notJson) {
      // use the text
    }
    return utf8(data, length);
  }

  /** The start of an event's data as text, on one line. */
  private static String utf8(byte[] data, int length) {
    int take = Math.min(length, HttpErrors.MESSAGE_CAP_CHARS * 4);
    return HttpErrors.oneLine(new String(data, 0, take, StandardCharsets.UTF_8));
  }

  private static boolean isDone(byte[] data, int length) {
    int start = 0;
    int end = length;
    while (start < end && (data[start] == ' ' || data[start] == '\r')) {
      start++;
    }
    while (end > start && (data[end - 1] == ' ' || data[end - 1] == '\r')) {
      end--;
    }
    return end - start == DONE.length && Arrays.equals(data, start, end, DONE, 0, DONE.length);
  }

  private void fail(Outcome outcome, String detail) {
    failure = outcome;
    failureDetail = detail;
  }
}
