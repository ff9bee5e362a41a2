package dev.harness.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;

/**
 * The package's one JSON codec. Only the immutable, thread-safe {@link ObjectReader} and {@link
 * ObjectWriter} are kept, so sharing them is not shared mutable state.
 */
final class Json {

  static final ObjectReader READER;
  static final ObjectWriter WRITER;

  static {
    ObjectMapper mapper = new ObjectMapper();
    READER = mapper.reader();
    WRITER = mapper.writer();
  }

  private Json() {}

  /**
   * Parses {@code length} bytes of UTF-8 JSON.
   *
   * @throws IOException when the bytes are not one JSON value
   */
  static JsonNode parse(byte[] bytes, int offset, int length) throws IOException {
    JsonNode node = READER.readTree(bytes, offset, length);
    if (node == null || node.isMissingNode()) {
      throw new IOException("no JSON value");
    }
    return node;
  }

  /** The text of a string field, or null when absent or not a string. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  /** Code points in {@code s}; 0 for null. */
  static int codePoints(String s) {
    return s == null ? 0 : s.codePointCount(0, s.length());
  }
}
