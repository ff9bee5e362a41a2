package dev.harness.protocol;

import dev.harness.record.TokenCountSource;
import com.fasterxml.jackson.databind.JsonNode;
import dev.harness.record.Outcome;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses one OpenAI-compatible response: an SSE stream of chunks, a whole JSON response, or an
 * error status.
 *
 * <p>A 2xx response to a streaming request is read as SSE unless its content type is {@code
 * application/json} (then it is a whole response); a 2xx response to a non-streaming request is
 * read as a whole response unless its content type is {@code text/event-stream}.
 *
 * <p>Stream rules: {@code data: [DONE]} or a chunk with a non-null {@code finish_reason} ends the
 * stream properly; an event carrying an error ends it with {@link Outcome#STREAM_ERROR}; invalid
 * JSON ends it with {@link Outcome#PROTOCOL_ERROR}. Content-bearing events are grouped per socket
 * read by {@link ChunkTimeline}. Output tokens come from {@code usage.completion_tokens}, else the
 * request's known length, else an estimate; a server or known count that differs from the number of
 * content events is spread over the chunks by content length.
 */
final class OpenAiResponseParser implements ResponseParser, SseDecoder.Listener {

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

  private int status;
  private Mode mode;
  private SseDecoder decoder;
  private BoundedBody body;
  private final ChunkTimeline chunks = new ChunkTimeline();
  private long readNanos;
  private boolean doneMarker;
  private boolean completed;
  private int usageOutputTokens = -1;
  private int usagePromptTokens = -1;
  private Outcome failure;
  private String failureDetail;

  OpenAiResponseParser(boolean streamRequested, int expectedOutputTokens) {
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
    if (failure != null || doneMarker) {
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
    if (failure != null || doneMarker) {
      return;
    }
    if ("error".equals(eventType)) {
      fail(Outcome.STREAM_ERROR, errorMessage(data, length));
      return;
    }
    if (isDone(data, length)) {
      doneMarker = true;
      completed = true;
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
    } else if (OpenAiContent.isError(event)) {
      String message = HttpErrors.serverMessage(event);
      fail(
          Outcome.STREAM_ERROR,
          message != null ? HttpErrors.oneLine(message) : snippet(data, length));
    } else {
      onChunk(event);
    }
  }

  private void onChunk(JsonNode event) {
    JsonNode choices = event.get("choices");
    int codePoints = 0;
    if (choices != null && choices.isArray()) {
      for (JsonNode choice : choices) {
        codePoints += OpenAiContent.codePoints(choice, "delta");
        completed |= OpenAiContent.finished(choice);
      }
    }
    if (codePoints > 0) {
      chunks.addEvent(readNanos, codePoints);
    }
    readUsage(event);
  }

  private void readUsage(JsonNode response) {
    JsonNode usage = response.get("usage");
    if (usage != null && usage.isObject()) {
      int output = OpenAiContent.usageField(usage, "completion_tokens");
      int prompt = OpenAiContent.usageField(usage, "prompt_tokens");
      usageOutputTokens = output >= 0 ? output : usageOutputTokens;
      usagePromptTokens = prompt >= 0 ? prompt : usagePromptTokens;
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
    if (!completed) {
      return ResponseResult.failure(
          Outcome.STREAM_INCOMPLETE, status, "stream ended without completion");
    }
    TokenCountSource source;
    int[] chunkTokens;
    int total;
    if (usageOutputTokens >= 0 || expectedOutputTokens >= 0) {
      source = usageOutputTokens >= 0 ? TokenCountSource.USAGE : TokenCountSource.KNOWN;
      total = usageOutputTokens >= 0 ? usageOutputTokens : expectedOutputTokens;
      chunkTokens =
          total == chunks.totalEvents() ? chunks.tokensFromEvents() : chunks.distribute(total);
    } else {
      source = TokenCountSource.ESTIMATED;
      chunkTokens = chunks.estimatedTokens();
      total = sum(chunkTokens);
    }
    if (chunks.size() == 0 || total == 0) {
      return ResponseResult.failure(Outcome.STREAM_INCOMPLETE, status, "no output tokens");
    }
    return new ResponseResult(
        Outcome.SUCCESS,
        null,
        status,
        total,
        usagePromptTokens,
        source,
        chunks.chunkNanos(),
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
          Outcome.PROTOCOL_ERROR,
          status,
          "invalid JSON response: " + snippet(body.array(), body.length()));
    }
    if (!response.isObject()) {
      return ResponseResult.failure(
          Outcome.PROTOCOL_ERROR, status, "response is not a JSON object");
    }
    if (OpenAiContent.isError(response)) {
      String message = HttpErrors.serverMessage(response);
      return ResponseResult.failure(
          Outcome.STREAM_ERROR, status, message != null ? HttpErrors.oneLine(message) : "error");
    }
    JsonNode choices = response.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      return ResponseResult.failure(Outcome.PROTOCOL_ERROR, status, "response has no choices");
    }
    long codePoints = 0;
    for (JsonNode choice : choices) {
      codePoints += OpenAiContent.codePoints(choice, "message");
    }
    readUsage(response);
    TokenCountSource source;
    int total;
    if (usageOutputTokens >= 0) {
      source = TokenCountSource.USAGE;
      total = usageOutputTokens;
    } else if (expectedOutputTokens >= 0) {
      source = TokenCountSource.KNOWN;
      total = expectedOutputTokens;
    } else {
      source = TokenCountSource.ESTIMATED;
      total = TokenEstimator.estimate(codePoints);
    }
    return new ResponseResult(
        Outcome.SUCCESS, null, status, total, usagePromptTokens, source, null, null);
  }

  private void fail(Outcome outcome, String detail) {
    failure = outcome;
    failureDetail = detail;
  }

  private static boolean isDone(byte[] data, int length) {
    int start = 0;
    int end = length;
    while (start < end && data[start] == ' ') {
      start++;
    }
    while (end > start && (data[end - 1] == ' ' || data[end - 1] == '\r')) {
      end--;
    }
    return end - start == DONE.length && Arrays.equals(data, start, end, DONE, 0, DONE.length);
  }

  private static String errorMessage(byte[] data, int length) {
    try {
      String message = HttpErrors.serverMessage(Json.parse(data, 0, length));
      if (message != null) {
        return HttpErrors.oneLine(message);
      }
    } catch (IOException notJson) {
      // use the text
    }
    return snippet(data, length);
  }

  private static String snippet(byte[] data, int length) {
    int take = Math.min(length, HttpErrors.MESSAGE_CAP_CHARS * 4);
    return HttpErrors.oneLine(new String(data, 0, take, StandardCharsets.UTF_8));
  }

  private static int sum(int[] values) {
    int total = 0;
    for (int v : values) {
      total += v;
    }
    return total;
  }
}
