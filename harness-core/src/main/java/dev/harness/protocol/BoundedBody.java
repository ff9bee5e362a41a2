package dev.harness.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A copy of at most {@code capBytes} of a response body; bytes beyond the cap are counted and
 * dropped. Never retains the buffers it is given.
 */
final class BoundedBody {

  private final int capBytes;
  private byte[] bytes;
  private int length;
  private boolean truncated;

  BoundedBody(int capBytes) {
    if (capBytes <= 0) {
      throw new IllegalArgumentException("capBytes must be positive: " + capBytes);
    }
    this.capBytes = capBytes;
    this.bytes = new byte[Math.min(capBytes, 1024)];
  }

  /** Copies the readable bytes of {@code content} (up to the cap) without moving its indexes. */
  void append(ByteBuf content) {
    int readable = content.readableBytes();
    int take = Math.min(readable, capBytes - length);
    if (take < readable) {
      truncated = true;
    }
    if (take <= 0) {
      return;
    }
    ensureCapacity(length + take);
    content.getBytes(content.readerIndex(), bytes, length, take);
    length += take;
  }

  private void ensureCapacity(int needed) {
    if (needed > bytes.length) {
      int grown = (int) Math.min((long) capBytes, Math.max((long) bytes.length * 2, needed));
      bytes = Arrays.copyOf(bytes, grown);
    }
  }

  /** The backing array; valid from 0 to {@link #length()}. */
  byte[] array() {
    return bytes;
  }

  int length() {
    return length;
  }

  /** Whether bytes were dropped because the cap was reached. */
  boolean truncated() {
    return truncated;
  }

  int capBytes() {
    return capBytes;
  }

  String asUtf8() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
