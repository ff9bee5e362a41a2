package dev.harness.protocol.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.harness.protocol.ChunkTimeline;
import dev.harness.protocol.ResponseResult;
import dev.harness.record.Outcome;
import dev.harness.record.TokenCountSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a SageMaker response stream (the PayloadParts, in order) turned into a token
 * timeline. A PayloadPart carries whatever the container wrote; two shapes are understood, chosen
 * by the first part that has a non-blank byte:
 *
 * <ul>
 *   <li><b>lines</b> (the part starts with {@code {} or {@code data:}): JSON lines or SSE {@code
 *       data:} lines, reassembled across parts up to each {@code \n}. The text of a line is {@code
 *       token.text} (TGI, LMI; special tokens skipped), else {@code choices[].delta.content} /
 *       {@code choices[].text} (vLLM's OpenAI server), else {@code outputs} / {@code
 *       generated_text}. A line with an {@code error} ends the stream with {@link
 *       Outcome#STREAM_ERROR}; a line that is not JSON with {@link Outcome#PROTOCOL_ERROR}.
 *       Server token counts: {@code details.generated_tokens} (TGI) or {@code
 *       usage.completion_tokens}.
 *   <li><b>text</b>: each part's UTF-8 text is generated content; a character split across parts
 *       counts in the part that completes it.
 * </ul>
 *
 * <p>A content-bearing line or part is one event for {@link ChunkTimeline}, stamped with the time
 * its completing part arrived. Token counts as in the OpenAI parser: the server's count, else the
 * request's known length, else an estimate. Not thread-safe: one per response.
 */
final class StreamBodyParser {

  /** Longest line kept while waiting for its {@code \n}. */
  static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

  private static final ObjectReader JSON = new ObjectMapper().reader();
  private static final int SNIPPET_CHARS = 200;

  private enum Format {
    UNDECIDED,
    LINES,
    TEXT
  }

  private final int expectedOutputTokens;
  private final ChunkTimeline chunks = new ChunkTimeline();
  private Format format = Format.UNDECIDED;
  private byte[] pending = new byte[1024];
  private int pendingLength;
  private long parts;
  private long lastNanos;
  private int serverOutputTokens = -1;
  private int serverPromptTokens = -1;
  private Outcome failure;
  private String failureDetail;

  /** @param expectedOutputTokens known output length, or -1 */
  StreamBodyParser(int expectedOutputTokens) {
    this.expectedOutputTokens = expectedOutputTokens;
  }

  /** One PayloadPart's bytes, read at {@code nanos}. The array is not retained. */
  void onPart(byte[] bytes, long nanos) {
    parts++;
    lastNanos = nanos;
    if (failure != null || bytes.length == 0) {
      return;
    }
    append(bytes);
    if (format == Format.UNDECIDED) {
      format = decide();
      if (format == Format.UNDECIDED) {
        return; // only blanks so far
      }
    }
    if (format == Format.LINES) {
      drainLines(nanos);
    } else {
      drainText(nanos, false);
    }
  }

  /** Number of PayloadParts seen, empty ones included. */
  long parts() {
    return parts;
  }

  /** The stream ended normally (HTTP status {@code status}). */
  ResponseResult finish(int status) {
    if (failure == null && pendingLength > 0) {
      if (format == Format.LINES) {
        line(pending, 0, pendingLength, lastNanos);
      } else if (format == Format.TEXT) {
        drainText(lastNanos, true);
      }
      pendingLength = 0;
    }
    if (failure != null) {
      return ResponseResult.failure(failure, status, failureDetail);
    }
    if (parts == 0) {
      return ResponseResult.failure(
          Outcome.STREAM_INCOMPLETE, status, "stream ended without any PayloadPart");
    }
    TokenCountSource source;
    int total;
    int[] chunkTokens;
    if (serverOutputTokens >= 0 || expectedOutputTokens >= 0) {
      source = serverOutputTokens >= 0 ? TokenCountSource.USAGE : TokenCountSource.KNOWN;
      total = serverOutputTokens >= 0 ? serverOutputTokens : expectedOutputTokens;
      chunkTokens =
          total == chunks.totalEvents() ? chunks.tokensFromEvents() : chunks.distribute(total);
    } else {
      source = TokenCountSource.ESTIMATED;
      chunkTokens = chunks.estimatedTokens();
      total = Arrays.stream(chunkTokens).sum();
    }
    if (chunks.size() == 0 || total == 0) {
      return ResponseResult.failure(
          Outcome.STREAM_INCOMPLETE, status, "stream ended without output tokens (" + parts
              + " PayloadParts)");
    }
    return new ResponseResult(
        Outcome.SUCCESS, null, status, total, serverPromptTokens, source, chunks.chunkNanos(),
        chunkTokens);
  }

  private void append(byte[] bytes) {
    if (pendingLength + bytes.length > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + bytes.length));
    }
    System.arraycopy(bytes, 0, pending, pendingLength, bytes.length);
    pendingLength += bytes.length;
  }

  private Format decide() {
    int i = 0;
    while (i < pendingLength && isBlank(pending[i])) {
      i++;
    }
    if (i == pendingLength) {
      return Format.UNDECIDED;
    }
    if (pending[i] == '{' || startsWith(pending, i, pendingLength, "data:")) {
      return Format.LINES;
    }
    return Format.TEXT;
  }

  private void drainLines(long nanos) {
    int start = 0;
    for (int i = 0; i < pendingLength && failure == null; i++) {
      if (pending[i] == '\n') {
        line(pending, start, i, nanos);
        start = i + 1;
      }
    }
    shift(start);
    if (failure == null && pendingLength > MAX_LINE_BYTES) {
      fail(Outcome.PROTOCOL_ERROR, "stream line longer than " + MAX_LINE_BYTES + " bytes");
    }
  }

  /** Decodes the complete UTF-8 characters of pending (all of it when {@code end}). */
  private void drainText(long nanos, boolean end) {
    int complete = end ? pendingLength : completeUtf8Prefix(pending, pendingLength);
    if (complete == 0) {
      return;
    }
    String text = new String(pending, 0, complete, StandardCharsets.UTF_8);
    shift(complete);
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints > 0) {
      chunks.addEvent(nanos, codePoints);
    }
  }

  private void line(byte[] buf, int from, int to, long nanos) {
    while (from < to && isBlank(buf[from])) {
      from++;
    }
    while (to > from && isBlank(buf[to - 1])) {
      to--;
    }
    if (from == to || buf[from] == ':' || startsWith(buf, from, to, "event:")
        || startsWith(buf, from, to, "id:") || startsWith(buf, from, to, "retry:")) {
      return; // blank line, SSE comment or field other than data
    }
    if (startsWith(buf, from, to, "data:")) {
      from += 5;
      while (from < to && buf[from] == ' ') {
        from++;
      }
      if (to - from == 6 && startsWith(buf, from, to, "[DONE]")) {
        return;
      }
    }
    JsonNode node;
    try {
      node = JSON.readTree(buf, from, to - from);
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      fail(Outcome.PROTOCOL_ERROR, "stream line is not a JSON object: " + snippet(buf, from, to));
      return;
    }
    JsonNode error = node.get("error");
    if (error != null && !error.isNull()) {
      JsonNode message = error.isObject() ? error.get("message") : error;
      fail(Outcome.STREAM_ERROR, oneLine(message != null && message.isTextual()
          ? message.textValue() : error.toString()));
      return;
    }
    readCounts(node);
    int codePoints = StreamText.codePoints(node);
    if (codePoints > 0) {
      chunks.addEvent(nanos, codePoints);
    }
  }

  private void readCounts(JsonNode node) {
    int generated = intField(node.path("details"), "generated_tokens");
    int completion = intField(node.path("usage"), "completion_tokens");
    int prompt = intField(node.path("usage"), "prompt_tokens");
    if (generated >= 0) {
      serverOutputTokens = generated;
    } else if (completion >= 0) {
      serverOutputTokens = completion;
    }
    if (prompt >= 0) {
      serverPromptTokens = prompt;
    }
  }

  private static int intField(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : -1;
  }

  /**
   * Length of the longest prefix of {@code buf[0, length)} that does not end inside a UTF-8
   * sequence: looks back at most 3 bytes for the lead byte of the last sequence (RFC 3629 section
   * 3: a lead byte 110xxxxx, 1110xxxx or 11110xxx announces 2, 3 or 4 bytes).
   */
  static int completeUtf8Prefix(byte[] buf, int length) {
    for (int back = 1; back <= Math.min(4, length); back++) {
      int b = buf[length - back] & 0xff;
      if ((b & 0xc0) == 0x80) {
        continue; // continuation byte: keep looking for the lead
      }
      int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return needed > back ? length - back : length;
    }
    return length; // no lead byte in reach: malformed, decode as is
  }

  private void shift(int consumed) {
    if (consumed > 0) {
      System.arraycopy(pending, consumed, pending, 0, pendingLength - consumed);
      pendingLength -= consumed;
    }
  }

  private void fail(Outcome outcome, String detail) {
    failure = outcome;
    failureDetail = detail;
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  private static boolean startsWith(byte[] buf, int from, int to, String prefix) {
    if (to - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (buf[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String snippet(byte[] buf, int from, int to) {
    int take = Math.min(to - from, SNIPPET_CHARS * 4);
    return oneLine(new String(buf, from, take, StandardCharsets.UTF_8));
  }

  static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    if (flat.length() <= SNIPPET_CHARS) {
      return flat;
    }
    int end = SNIPPET_CHARS;
    if (Character.isHighSurrogate(flat.charAt(end - 1))) {
      end--;
    }
    return flat.substring(0, end);
  }
}
