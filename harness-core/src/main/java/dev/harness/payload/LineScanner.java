package dev.harness.payload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Splits a byte stream into lines in one pass, keeping each line's byte offset: reads 64 KiB
 * blocks, copies each line into a reusable buffer that grows to the longest line, and drops the
 * {@code \r} of a CRLF ending. A last line without a final newline is still delivered; a UTF-8 byte
 * order mark at the start of the file is skipped.
 */
final class LineScanner {
  private static final int BLOCK = 64 * 1024;

  /** Receives each line; {@code bytes[0, length)} is only valid during the call. */
  interface Sink {
    void line(byte[] bytes, int length, long offset, long lineNumber) throws PayloadException;
  }

  private LineScanner() {}

  static void scan(ReadableByteChannel in, Sink sink) throws IOException, PayloadException {
    byte[] block = new byte[BLOCK];
    ByteBuffer buffer = ByteBuffer.wrap(block);
    byte[] line = new byte[1024];
    int lineLength = 0;
    long lineStart = 0;
    long position = 0;
    long lineNumber = 1;
    boolean first = true;
    int read;
    while ((read = in.read(buffer.clear())) != -1) {
      int from = 0;
      if (first && read >= 3 && (block[0] & 0xff) == 0xef && (block[1] & 0xff) == 0xbb
          && (block[2] & 0xff) == 0xbf) {
        from = 3;
        lineStart = 3;
      }
      first = first && read == 0;
      for (int i = from; i < read; i++) {
        if (block[i] != '\n') {
          continue;
        }
        line = append(line, lineLength, block, from, i - from);
        lineLength += i - from;
        sink.line(line, withoutCr(line, lineLength), lineStart, lineNumber++);
        lineLength = 0;
        lineStart = position + i + 1;
        from = i + 1;
      }
      line = append(line, lineLength, block, from, read - from);
      lineLength += read - from;
      position += read;
    }
    if (lineLength > 0) {
      sink.line(line, withoutCr(line, lineLength), lineStart, lineNumber);
    }
  }

  private static byte[] append(byte[] line, int length, byte[] src, int from, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(src, from, line, length, count);
    return line;
  }

  private static int withoutCr(byte[] line, int length) {
    return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
  }
}
