package dev.harness.protocol;

import dev.harness.config.Target;
import java.util.List;

/**
 * Paths of the Triton / KServe v2 HTTP API (KServe "Open Inference Protocol", REST; Triton's
 * generate extension). The target URL normally carries the full request path, filled in from
 * {@code model} and {@code model-version} when the plan is loaded; readiness paths are derived from
 * it, keeping any prefix a gateway puts before {@code /v2}.
 */
final class TritonPaths {

  private static final String MODELS = "/v2/models/";

  private TritonPaths() {}

  /**
   * The request path and query: the URL's own, else {@code /v2/models/<model>/<endpoint>} (a
   * target built in code without a path).
   */
  static String request(Target target, String endpoint) {
    String path = target.url().getRawPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      if (target.model() == null) {
        throw new IllegalArgumentException(
            "the " + target.protocol().yamlName() + " protocol needs a model name");
      }
      path = MODELS + target.model() + "/" + endpoint;
    }
    String query = target.url().getRawQuery();
    return query == null ? path : path + "?" + query;
  }

  /**
   * {@code <prefix>/v2/health/ready} then the model's {@code .../ready}: the request path with its
   * last segment (infer, generate, ...) replaced. A path outside {@code /v2/models/} gets the
   * standard paths for the target's model.
   */
  static List<String> readiness(Target target, String requestPathAndQuery) {
    int q = requestPathAndQuery.indexOf('?');
    String path = q < 0 ? requestPathAndQuery : requestPathAndQuery.substring(0, q);
    int models = path.indexOf(MODELS);
    int lastSlash = path.lastIndexOf('/');
    if (models < 0 || lastSlash <= models + MODELS.length()) {
      return List.of("/v2/health/ready", MODELS + target.model() + "/ready");
    }
    String prefix = path.substring(0, models);
    return List.of(prefix + "/v2/health/ready", path.substring(0, lastSlash) + "/ready");
  }
}
