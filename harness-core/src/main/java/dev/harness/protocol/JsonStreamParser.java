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
 * What every JSON text-generation protocol shares: a response is an SSE stream of JSON events, a
 * whole JSON object, or an error status; the subclass says only how an event or a body yields
 * text, token counts and completion.
 *
 * <p>A 2xx response to a streaming request is read as SSE unless its content type is {@code
 * application/json} (then it is a whole response); a 2xx response to a non-streaming request is
 * read as a whole response unless its content type is {@code text/event-stream}.
 *
 * <p>Stream rules: {@code data: [DONE]} ends the stream (the rest is drained); an event of SSE
 * type {@code error}, or a JSON object the subclass calls an error, ends it with {@link
 * Outcome#STREAM_ERROR}; invalid JSON or a non-object with {@link Outcome#PROTOCOL_ERROR}.
 * Text-bearing events are grouped per socket read by {@link ChunkTimeline}. Output tokens come from
 * the server's count, else the request's known length, else an estimate from the text; a server or
 * known count that differs from the number of text events is spread over the chunks by text length.
 * A stream that carried no output tokens is {@link Outcome#STREAM_INCOMPLETE}.
 */
abstract class JsonStreamParser implements ResponseParser, SseDecoder.Listener {

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
  private boolean doneMarker;
  private Outcome failure;
  private String failureDetail;

  JsonStreamParser(boolean streamRequested, int expectedOutputTokens) {
    this.streamRequested = streamRequested;
    this.expectedOutputTokens = expectedOutputTokens;
  }

  // --- what a protocol says --------------------------------------------------------------------

  /** Whether a JSON object (stream event or whole body) reports an error. */
  abstract boolean isError(JsonNode node);

  /**
   * Reads one stream event that is not an error: returns the code points of text it carries and
   * keeps any token counts or completion mark it holds.
   */
  abstract int onStreamEvent(JsonNode event);

  /** Whether the stream ended properly (called after the last event, without a failure). */
  abstract boolean streamCompleted(boolean doneMarker);

  /**
   * Reads a whole response that is not an error: returns the code points of its text, or throws
   * {@link IllegalArgumentException} with the reason it is malformed; keeps any token counts.
   */
  abstract long onWholeResponse(JsonNode response);

  /** The server's output-token count for this response, or -1 if it gave none. */
  abstract int serverOutputTokens();

  /** The server's prompt-token count, or -1. */
  abstract int serverPromptTokens();

  // --- the shared reading ----------------------------------------------------------------------

  @Override
  public final void onHeaders(int status, HttpHeaders headers, long readNanos) {
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
  public final void onContent(ByteBuf content, long readNanos) {
    if (mode == null) {
      throw new IllegalStateException("onContent called before onHeaders");
    }
    if (mode != Mode.STREAM) {
      body.append(content);
      return;
    }
    if (failure != null || doneMarker) {
      return; // drain
    }
    this.readNanos = readNanos;
    if (!decoder.feed(content)) {
      fail(Outcome.PROTOCOL_ERROR, "stream event longer than " + decoder.maxLineBytes() + " bytes");
    }
  }

  @Override
  public final ResponseResult finish(long readNanos) {
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
  public final void onEvent(String eventType, byte[] data, int length) {
    if (failure != null || doneMarker) {
      return;
    }
    if ("error".equals(eventType)) {
      fail(Outcome.STREAM_ERROR, message(data, length));
      return;
    }
    if (isDone(data, length)) {
      doneMarker = true;
      return;
    }
    JsonNode event;
    try {
      event = Json.parse(data, 0, length);
    } catch (IOException e) {
      fail(Outcome.PROTOCOL_ERROR, "invalid JSON in stream event: " + snippet(data, length));
      return;
    }
    if (!event.isObject()) {
      fail(Outcome.PROTOCOL_ERROR, "stream event is not a JSON object: " + snippet(data, length));
    } else if (isError(event)) {
      fail(Outcome.STREAM_ERROR, message(event, data, length));
    } else {
      int codePoints = onStreamEvent(event);
      if (codePoints > 0) {
        chunks.addEvent(readNanos, codePoints);
      }
    }
  }

  private ResponseResult finishStream(long finishNanos) {
    if (failure == null && !doneMarker) {
      readNanos = finishNanos;
      decoder.endOfInput();
    }
    if (failure != null) {
      return ResponseResult.failure(failure, status, failureDetail);
    }
    if (!streamCompleted(doneMarker)) {
      return ResponseResult.failure(
          Outcome.STREAM_INCOMPLETE, status, "stream ended without completion");
    }
    int server = serverOutputTokens();
    TokenCountSource source;
    int[] chunkTokens;
    int total;
    if (server >= 0 || expectedOutputTokens >= 0) {
      source = server >= 0 ? TokenCountSource.USAGE : TokenCountSource.KNOWN;
      total = server >= 0 ? server : expectedOutputTokens;
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
    return new ResponseResult(Outcome.SUCCESS, null, status, total, serverPromptTokens(), source,
        chunks.chunkNanos(), chunkTokens);
  }

  private ResponseResult finishWhole() {
    if (body.truncated()) {
      return ResponseResult.failure(
          Outcome.PROTOCOL_ERROR, status, "response body larger than " + body.capBytes() + " bytes");
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
    if (isError(response)) {
      return ResponseResult.failure(
          Outcome.STREAM_ERROR, status, message(response, body.array(), body.length()));
    }
    long codePoints;
    try {
      codePoints = onWholeResponse(response);
    } catch (IllegalArgumentException malformed) {
      return ResponseResult.failure(Outcome.PROTOCOL_ERROR, status, malformed.getMessage());
    }
    int server = serverOutputTokens();
    TokenCountSource source;
    int total;
    if (server >= 0) {
      source = TokenCountSource.USAGE;
      total = server;
    } else if (expectedOutputTokens >= 0) {
      source = TokenCountSource.KNOWN;
      total = expectedOutputTokens;
    } else {
      source = TokenCountSource.ESTIMATED;
      total = TokenEstimator.estimate(codePoints);
    }
    return new ResponseResult(
        Outcome.SUCCESS, null, status, total, serverPromptTokens(), source, null, null);
  }

  private void fail(Outcome outcome, String detail) {
    failure = outcome;
    failureDetail = detail;
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

  /** The server's message in a parsed error object, else the start of the text. */
  private static String message(JsonNode node, byte[] data, int length) {
    String message = HttpErrors.serverMessage(node);
    return message != null ? HttpErrors.oneLine(message) : snippet(data, length);
  }

  /** The server's message in an error event's data, else the start of the text. */
  private static String message(byte[] data, int length) {
    try {
      return message(Json.parse(data, 0, length), data, length);
    } catch (IOException notJson) {
      return snippet(data, length);
    }
  }

  /** The start of some data as text, on one line. */
  private static String snippet(byte[] data, int length) {
    int take = Math.min(length, HttpErrors.MESSAGE_CAP_CHARS * 4);
    return HttpErrors.oneLine(new String(data, 0, take, StandardCharsets.UTF_8));
  }
}
