package dev.harness.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harness.record.Outcome;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Parses one Triton / KServe v2 infer response. A 2xx JSON object with an {@code outputs} list is
 * a success; no {@code outputs}, invalid JSON or an {@code error} in a 2xx body is a protocol
 * error. Other statuses are classified by {@link HttpErrors} with Triton's {@code {"error": "..."}}
 * message as the detail. At most {@value #MAX_BODY_BYTES} bytes of a success are kept; a larger
 * body is accepted when its kept part names {@code "outputs"} (it cannot be parsed whole).
 */
final class TritonInferParser implements ResponseParser {

  /** Largest response kept for parsing. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final byte[] OUTPUTS_KEY = "\"outputs\"".getBytes(StandardCharsets.US_ASCII);

  private int status;
  private boolean success;
  private BoundedBody body;

  @Override
  public void onHeaders(int status, HttpHeaders headers, long readNanos) {
    this.status = status;
    this.success = HttpErrors.classify(status) == Outcome.SUCCESS;
    this.body = new BoundedBody(success ? MAX_BODY_BYTES : HttpErrors.ERROR_BODY_CAP_BYTES);
  }

  @Override
  public void onContent(ByteBuf content, long readNanos) {
    if (body == null) {
      throw new IllegalStateException("onContent called before onHeaders");
    }
    body.append(content);
  }

  @Override
  public ResponseResult finish(long readNanos) {
    if (body == null) {
      throw new IllegalStateException("finish called before onHeaders");
    }
    if (!success) {
      return HttpErrors.failure(status, body);
    }
    if (body.truncated()) {
      return contains(body, OUTPUTS_KEY)
          ? ResponseResult.success(status)
          : protocolError("response larger than " + body.capBytes() + " bytes with no "
              + "\"outputs\" in them");
    }
    JsonNode response;
    try {
      response = Json.parse(body.array(), 0, body.length());
    } catch (IOException e) {
      return protocolError("invalid JSON response: " + HttpErrors.snippet(body));
    }
    if (!response.isObject()) {
      return protocolError("response is not a JSON object");
    }
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      String message = HttpErrors.serverMessage(response);
      return protocolError("error in a " + status + " response: "
          + HttpErrors.oneLine(message != null ? message : error.toString()));
    }
    JsonNode outputs = response.get("outputs");
    if (outputs == null || !outputs.isArray()) {
      return protocolError("response has no \"outputs\" list");
    }
    return ResponseResult.success(status);
  }

  private ResponseResult protocolError(String detail) {
    return ResponseResult.failure(Outcome.PROTOCOL_ERROR, status, detail);
  }

  private static boolean contains(BoundedBody body, byte[] wanted) {
    byte[] bytes = body.array();
    outer:
    for (int i = 0; i + wanted.length <= body.length(); i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (bytes[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
