package dev.harness.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harness.record.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Status classification and server error messages, shared by every adapter. */
final class HttpErrors {

  /** At most this much of an error body is kept. */
  static final int ERROR_BODY_CAP_BYTES = 8 * 1024;

  /** A message taken from an error body is cut to this many characters. */
  static final int MESSAGE_CAP_CHARS = 200;

  private HttpErrors() {}

  /**
   * The outcome of an HTTP status alone: 2xx success, 429, other 4xx, 5xx; anything else (1xx left
   * over, 3xx, nonsense) is a protocol error because the harness follows no redirects.
   */
  static Outcome classify(int status) {
    if (status >= 200 && status < 300) {
      return Outcome.SUCCESS;
    }
    if (status == 429) {
      return Outcome.HTTP_429;
    }
    if (status >= 400 && status < 500) {
      return Outcome.HTTP_4XX;
    }
    if (status >= 500 && status < 600) {
      return Outcome.HTTP_5XX;
    }
    return Outcome.PROTOCOL_ERROR;
  }

  /** The failure for a non-2xx response: {@code "HTTP <code>: <message>"}. */
  static ResponseResult failure(int status, BoundedBody body) {
    String message = message(body);
    String detail = message.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + message;
    return ResponseResult.failure(classify(status), status, detail);
  }

  /**
   * The server's message in an error body: {@code error.message}, {@code error} (a string), {@code
   * message} or {@code detail} of a JSON body, else the body's first characters; "" for an empty
   * body.
   */
  static String message(BoundedBody body) {
    if (body.length() == 0) {
      return "";
    }
    if (!body.truncated()) {
      try {
        String fromJson = serverMessage(Json.parse(body.array(), 0, body.length()));
        if (fromJson != null) {
          return oneLine(fromJson);
        }
      } catch (IOException notJson) {
        // fall through to the text
      }
    }
    return oneLine(body.asUtf8());
  }

  /** The message of a JSON error object (OpenAI, vLLM, FastAPI shapes), or null if none. */
  static String serverMessage(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode error = node.get("error");
    if (error != null && error.isObject()) {
      String message = Json.text(error, "message");
      if (message != null) {
        return message;
      }
    } else if (error != null && error.isTextual()) {
      return error.textValue();
    }
    String message = Json.text(node, "message");
    if (message != null) {
      return message;
    }
    JsonNode detail = node.get("detail");
    if (detail != null && !detail.isNull()) {
      return detail.isTextual() ? detail.textValue() : detail.toString();
    }
    return null;
  }

  /** The first characters of a body that could not be parsed, on one line. */
  static String snippet(BoundedBody body) {
    int take = Math.min(body.length(), MESSAGE_CAP_CHARS * 4);
    return oneLine(new String(body.array(), 0, take, StandardCharsets.UTF_8));
  }

  /** {@code text} on one line, trimmed and cut to {@link #MESSAGE_CAP_CHARS}. */
  static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    if (flat.length() <= MESSAGE_CAP_CHARS) {
      return flat;
    }
    int end = MESSAGE_CAP_CHARS;
    if (Character.isHighSurrogate(flat.charAt(end - 1))) {
      end--;
    }
    return flat.substring(0, end);
  }
}
