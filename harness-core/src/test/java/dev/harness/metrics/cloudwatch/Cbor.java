package dev.harness.metrics.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * CBOR bodies for CloudWatch stubs (Smithy RPC v2): maps, lists, text, numbers and timestamps,
 * the last as CBOR tag 1 (epoch-based date/time) with epoch seconds.
 */
final class Cbor {
  private static final CBORFactory FACTORY = new CBORFactory();
  private static final CBORMapper MAPPER = new CBORMapper();

  private Cbor() {}

  /** {@code value} encoded; Instants become tag 1 + epoch seconds. */
  static byte[] encode(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator g = FACTORY.createGenerator(out)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A request body decoded into a tree (tags dropped: timestamps read as epoch seconds). */
  static JsonNode decode(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(CBORGenerator g, Object v) throws IOException {
    if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Instant t) {
      g.writeTag(1);
      g.writeNumber(t.getEpochSecond());
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      throw new IllegalArgumentException("cannot encode " + v);
    }
  }
}
