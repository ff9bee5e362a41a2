package dev.harness.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import java.util.List;
import java.util.Map;

/**
 * Triton / KServe v2 inference over HTTP: {@code POST
 * /v2/models/<model>[/versions/<v>]/infer} with a JSON tensor body built by {@link KserveTensors}.
 * A 2xx JSON response with an {@code outputs} list is a success ({@link TritonInferParser}); before
 * the run the server's and the model's readiness endpoints must answer 200.
 */
final class TritonInferProtocol implements Protocol {

  private final String pathAndQuery;
  private final Map<String, String> headers;
  private final List<String> readiness;

  TritonInferProtocol(Target target) {
    this.pathAndQuery = TritonPaths.request(target, "infer");
    this.readiness = TritonPaths.readiness(target, pathAndQuery);
    this.headers =
        Map.of(
            "Content-Type",
            target.contentType() != null ? target.contentType() : "application/json");
  }

  @Override
  public RequestSpec build(Payload payload, long sequence) {
    byte[] bytes;
    try {
      bytes = Json.WRITER.writeValueAsBytes(KserveTensors.request(payload.body(), payload.id()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "payload '" + payload.id() + "': body cannot be serialized: " + e.getOriginalMessage(),
          e);
    }
    return new RequestSpec("POST", pathAndQuery, headers, bytes, payload.index(), -1, -1);
  }

  @Override
  public ResponseParser newParser(RequestSpec request) {
    return new TritonInferParser();
  }

  @Override
  public List<String> readinessPaths() {
    return readiness;
  }
}
