package dev.harness.protocol.sagemaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.harness.config.SageMakerTarget;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import dev.harness.payload.PayloadException;
import dev.harness.payload.PayloadSet;
import dev.harness.protocol.Protocol;
import dev.harness.protocol.RequestSpec;
import dev.harness.protocol.ResponseParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds SageMaker runtime requests from payloads: the body is sent as-is (a JSON string's text
 * verbatim, anything else serialized as JSON), as for the http protocol. A body over {@link
 * SageMakerTarget#MAX_BODY_BYTES} is refused here, when the request is built, with the payload's
 * line; SageMaker would reject it anyway.
 *
 * <p>The {@link RequestSpec} carries the body, the invocation path and content headers; the request
 * itself is signed and sent by {@link SageMakerInvoker}, so there is no {@link ResponseParser} for
 * the engine's own HTTP connections.
 */
public final class SageMakerProtocol implements Protocol {

  private static final byte[] EMPTY = new byte[0];
  private static final ObjectWriter JSON = new ObjectMapper().writer();

  private final String path;
  private final Map<String, String> headers;
  private final boolean stream;

  private SageMakerProtocol(SageMakerTarget settings, boolean stream) {
    this.stream = stream;
    this.path = settings.invocationUrl(stream).getRawPath();
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", settings.contentType());
    if (settings.accept() != null) {
      h.put("Accept", settings.accept());
    }
    this.headers = Map.copyOf(h);
  }

  /** The adapter for a target of the sagemaker or sagemaker-stream protocol. */
  public static SageMakerProtocol create(Target target) {
    Objects.requireNonNull(target, "target");
    if (target.protocol() == null || !target.protocol().isSageMaker()) {
      throw new IllegalArgumentException(
          "not a SageMaker target: protocol " + target.protocol());
    }
    return new SageMakerProtocol(target.sageMaker(), target.stream());
  }

  /** Whether requests use InvokeEndpointWithResponseStream. */
  public boolean stream() {
    return stream;
  }

  @Override
  public RequestSpec build(Payload payload, long sequence) {
    byte[] body = bodyBytes(payload);
    if (body.length > SageMakerTarget.MAX_BODY_BYTES) {
      throw new IllegalArgumentException(
          "payload '" + payload.id() + "' (line " + payload.lineNumber() + "): body is "
              + body.length + " bytes; SageMaker accepts at most 6 MB ("
              + SageMakerTarget.MAX_BODY_BYTES + " bytes) per request");
    }
    return new RequestSpec(
        "POST", path, headers, body, payload.index(), payload.promptTokens(), -1);
  }

  /**
   * Refuses, before the run, a payload set in which any body is over {@link
   * SageMakerTarget#MAX_BODY_BYTES}: the error names the first such payload's line. The set's size
   * statistics (bodies as sent: a JSON string's UTF-8 text, else compact JSON) say whether any is;
   * only then are the payloads read again to find it.
   *
   * @throws PayloadException {@code <file>:<line>: payload '<id>' (line n): body is ... bytes}
   */
  public void checkBodySizes(PayloadSet set) throws IOException, PayloadException {
    if (set.stats().bodyBytes().max() <= SageMakerTarget.MAX_BODY_BYTES) {
      return;
    }
    for (int i = 0; i < set.size(); i++) {
      Payload p = set.get(i);
      try {
        build(p, 0);
      } catch (IllegalArgumentException e) {
        throw new PayloadException(set.file(), p.lineNumber(), e.getMessage());
      }
    }
  }

  /**
   * Always fails: SageMaker requests are signed and sent by {@link SageMakerInvoker}, which parses
   * the response itself.
   */
  @Override
  public ResponseParser newParser(RequestSpec request) {
    throw new UnsupportedOperationException(
        "SageMaker requests are sent by SageMakerInvoker, not over the engine's HTTP connections");
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
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "payload '" + payload.id() + "' (line " + payload.lineNumber()
              + "): body cannot be serialized: " + e.getOriginalMessage(),
          e);
    }
  }
}
