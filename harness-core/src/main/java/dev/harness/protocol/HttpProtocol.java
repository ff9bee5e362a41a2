package dev.harness.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import dev.harness.record.Outcome;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Any HTTP endpoint. The payload body is sent as-is: a JSON string's text verbatim (for non-JSON
 * bodies), anything else serialized as JSON; no body when the payload has none. Success is a 2xx
 * status; the body of a success is drained, not kept.
 */
final class HttpProtocol implements Protocol {

  private static final byte[] EMPTY = new byte[0];

  private final String method;
  private final String pathAndQuery;
  private final Map<String, String> headers;

  HttpProtocol(Target target) {
    this.method = target.method() != null ? target.method() : "POST";
    this.pathAndQuery = Protocols.pathAndQuery(target);
    this.headers =
        target.contentType() != null ? Map.of("Content-Type", target.contentType()) : Map.of();
  }

  @Override
  public RequestSpec build(Payload payload, long sequence) {
    return new RequestSpec(
        method,
        pathAndQuery,
        headers,
        bodyBytes(payload),
        payload.index(),
        payload.promptTokens(),
        -1);
  }

  @Override
  public ResponseParser newParser(RequestSpec request) {
    return new Parser();
  }

  private static byte[] bodyBytes(Payload payload) {
    JsonNode body = payload.body();
    if (body == null || body.isMissingNode()) {
      return EMPTY;
    }
    if (body.isTextual()) {
      return body.textValue().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Json.WRITER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "payload '" + payload.id() + "': body cannot be serialized: " + e.getOriginalMessage(),
          e);
    }
  }

  /** Status-only parser: keeps at most the first 8 KB of an error body for its message. */
  private static final class Parser implements ResponseParser {
    private int status;
    private BoundedBody errorBody;

    @Override
    public void onHeaders(int status, HttpHeaders headers, long readNanos) {
      this.status = status;
      if (HttpErrors.classify(status) != Outcome.SUCCESS) {
        errorBody = new BoundedBody(HttpErrors.ERROR_BODY_CAP_BYTES);
      }
    }

    @Override
    public void onContent(ByteBuf content, long readNanos) {
      if (errorBody != null) {
        errorBody.append(content);
      }
    }

    @Override
    public ResponseResult finish(long readNanos) {
      return errorBody == null
          ? ResponseResult.success(status)
          : HttpErrors.failure(status, errorBody);
    }
  }
}
