package dev.harness.protocol.sagemaker;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/** Builds {@code application/vnd.amazon.eventstream} bodies as SageMaker sends them. */
final class Frames {
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** A PayloadPart event whose payload is {@code bytes}. */
  Frames part(byte[] bytes) {
    Map<String, HeaderValue> h = new LinkedHashMap<>();
    h.put(":event-type", HeaderValue.fromString("PayloadPart"));
    h.put(":content-type", HeaderValue.fromString("application/octet-stream"));
    h.put(":message-type", HeaderValue.fromString("event"));
    return add(new Message(h, bytes));
  }

  Frames part(String text) {
    return part(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A modeled exception event, e.g. {@code ModelStreamError}. */
  Frames exception(String type, String jsonPayload) {
    Map<String, HeaderValue> h = new LinkedHashMap<>();
    h.put(":exception-type", HeaderValue.fromString(type));
    h.put(":content-type", HeaderValue.fromString("application/json"));
    h.put(":message-type", HeaderValue.fromString("exception"));
    return add(new Message(h, jsonPayload.getBytes(StandardCharsets.UTF_8)));
  }

  private Frames add(Message m) {
    ByteBuffer b = m.toByteBuffer();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    body.writeBytes(bytes);
    return this;
  }

  byte[] bytes() {
    return body.toByteArray();
  }
}
