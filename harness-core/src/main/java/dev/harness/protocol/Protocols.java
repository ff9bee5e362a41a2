package dev.harness.protocol;

import dev.harness.config.Target;
import dev.harness.protocol.sagemaker.SageMakerProtocol;
import java.net.URI;
import java.util.Objects;

/**
 * Creates the {@link Protocol} adapter for a target.
 *
 * <pre>{@code
 * Protocol protocol = Protocols.create(plan.target());
 * RequestSpec request = protocol.build(payload, sequence);   // ahead of the send path
 * ResponseParser parser = protocol.newParser(request);      // one per response, on the event loop
 * }</pre>
 */
public final class Protocols {

  private Protocols() {}

  /** The adapter for {@code target}'s protocol. */
  public static Protocol create(Target target) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(target.protocol(), "target.protocol");
    Objects.requireNonNull(target.url(), "target.url");
    return switch (target.protocol()) {
      case OPENAI_CHAT, OPENAI_COMPLETIONS -> new OpenAiProtocol(target);
      case HTTP -> new HttpProtocol(target);
      case TRITON_INFER -> new TritonInferProtocol(target);
      case TRITON_GENERATE -> new TritonGenerateProtocol(target);
      case SAGEMAKER, SAGEMAKER_STREAM -> SageMakerProtocol.create(target);
    };
  }

  /** The target URL's raw path and query; the protocol's default path when the URL has none. */
  static String pathAndQuery(Target target) {
    URI url = target.url();
    String path = url.getRawPath();
    if (path == null || path.isEmpty()) {
      path = target.protocol().defaultPath();
    }
    String query = url.getRawQuery();
    return query == null ? path : path + "?" + query;
  }
}
