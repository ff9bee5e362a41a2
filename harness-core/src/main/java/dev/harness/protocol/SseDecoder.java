package dev.harness.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a {@code text/event-stream} body into events, byte by byte, across any number of reads.
 *
 * <p>Follows the event-stream interpretation rules of the WHATWG HTML standard (section
 * "Server-sent events"), restricted to what LLM servers send: lines end at {@code \n} with an
 * optional {@code \r} before it; a blank line ends an event; lines starting with {@code :} are
 * comments; only the {@code data} and {@code event} fields matter ({@code id} and {@code retry} are
 * ignored); several {@code data} lines are joined with {@code \n}; an event with no data is not
 * dispatched.
 *
 * <p>Bytes are accumulated until a line is complete, so a line split anywhere (also inside a
 * multi-byte UTF-8 character) decodes exactly as if it had arrived in one read. Buffers given to
 * {@link #feed} are copied, never retained.
 */
final class SseDecoder {

  /** Receives each complete event. */
  interface Listener {
    /**
     * One event.
     *
     * @param eventType the {@code event} field, or null when absent
     * @param data the joined {@code data} lines, valid from 0 to {@code length} until this returns
     */
    void onEvent(String eventType, byte[] data, int length);
  }

  private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);

  private final Listener listener;
  private final int maxLineBytes;

  private byte[] line = new byte[256];
  private int lineLength;
  private byte[] data = new byte[256];
  private int dataLength;
  private boolean hasData;
  private String eventType;
  private boolean overflowed;

  SseDecoder(Listener listener, int maxLineBytes) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
    }
    this.listener = listener;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Decodes the readable bytes of {@code content}, dispatching every event completed by them.
   * Returns false (and ignores the rest) once a line or event grew past the limit.
   */
  boolean feed(ByteBuf content) {
    int index = content.readerIndex();
    int end = content.writerIndex();
    while (index < end && !overflowed) {
      int newline = content.indexOf(index, end, (byte) '\n');
      int stop = newline < 0 ? end : newline;
      appendToLine(content, index, stop - index);
      if (newline < 0) {
        break;
      }
      processLine();
      index = newline + 1;
    }
    return !overflowed;
  }

  /**
   * At the end of the body: an event whose lines all arrived but whose closing blank line did not
   * is still dispatched; a partial last line is dropped (the body was cut inside it).
   */
  void endOfInput() {
    lineLength = 0;
    if (!overflowed) {
      dispatch();
    }
  }

  /** Whether a line or event exceeded the limit; decoding stopped there. */
  boolean overflowed() {
    return overflowed;
  }

  int maxLineBytes() {
    return maxLineBytes;
  }

  private void appendToLine(ByteBuf content, int from, int count) {
    if (count == 0) {
      return;
    }
    if ((long) lineLength + count > maxLineBytes) {
      overflowed = true;
      return;
    }
    line = ensure(line, lineLength + count);
    content.getBytes(from, line, lineLength, count);
    lineLength += count;
  }

  private void processLine() {
    int length = lineLength;
    lineLength = 0;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    if (length == 0) {
      dispatch();
      return;
    }
    if (line[0] == ':') {
      return; // comment, e.g. a keep-alive ping
    }
    int colon = indexOf(line, length, (byte) ':');
    int nameLength = colon < 0 ? length : colon;
    int valueStart = colon < 0 ? length : colon + 1;
    if (valueStart < length && line[valueStart] == ' ') {
      valueStart++;
    }
    if (nameIs(DATA, nameLength)) {
      appendData(valueStart, length - valueStart);
    } else if (nameIs(EVENT, nameLength)) {
      eventType = new String(line, valueStart, length - valueStart, StandardCharsets.UTF_8);
    }
  }

  private void appendData(int from, int count) {
    int separator = hasData ? 1 : 0;
    if ((long) dataLength + separator + count > maxLineBytes) {
      overflowed = true;
      return;
    }
    data = ensure(data, dataLength + separator + count);
    if (hasData) {
      data[dataLength++] = '\n';
    }
    System.arraycopy(line, from, data, dataLength, count);
    dataLength += count;
    hasData = true;
  }

  private void dispatch() {
    if (hasData && dataLength > 0) {
      listener.onEvent(eventType, data, dataLength);
    }
    hasData = false;
    dataLength = 0;
    eventType = null;
  }

  private boolean nameIs(byte[] name, int nameLength) {
    return nameLength == name.length && Arrays.equals(line, 0, nameLength, name, 0, nameLength);
  }

  private static int indexOf(byte[] bytes, int length, byte wanted) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] ensure(byte[] bytes, int needed) {
    if (needed <= bytes.length) {
      return bytes;
    }
    return Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
  }
}
