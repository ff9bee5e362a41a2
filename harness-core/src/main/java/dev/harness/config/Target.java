package dev.harness.config;

import java.net.URI;
import java.util.Map;

/**
 * The endpoint under test. Secrets are never held here: only the names of the environment
 * variables that carry them, resolved when the run starts.
 *
 * @param protocol the API
 * @param url full request URL (scheme, host, port, path); the protocol's default path is filled
 *     in when the plan gives none
 * @param model model name sent in OpenAI requests (null: keep the payload's own); for the Triton
 *     protocols the model in the URL path (required)
 * @param stream request a streamed response (OpenAI protocols)
 * @param method HTTP method (generic HTTP; POST for OpenAI)
 * @param contentType request content type
 * @param headers static headers, sent on every request
 * @param headersFromEnv header name → environment variable holding its value
 * @param bearerTokenEnv environment variable holding a bearer token, or null
 * @param connectionPerRequest open a fresh connection for every request
 * @param tls how an https certificate is checked; null means {@link TlsOptions#systemDefault()}
 * @param sageMaker the SageMaker runtime settings for the sagemaker protocols, else null; {@code
 *     url} is then the effective invocation URL (for display and results)
 */
public record Target(
    ProtocolKind protocol,
    URI url,
    String model,
    boolean stream,
    String method,
    String contentType,
    Map<String, String> headers,
    Map<String, String> headersFromEnv,
    String bearerTokenEnv,
    boolean connectionPerRequest,
    TlsOptions tls,
    SageMakerTarget sageMaker) {
  public Target {
    tls = tls == null ? TlsOptions.systemDefault() : tls;
    if (protocol != null && protocol.isSageMaker() && sageMaker == null) {
      throw new IllegalArgumentException(protocol.yamlName() + " needs SageMaker settings");
    }
    if (protocol != null && !protocol.isSageMaker() && sageMaker != null) {
      throw new IllegalArgumentException(
          "SageMaker settings apply only to the sagemaker protocols, not " + protocol.yamlName());
    }
    headers = Map.copyOf(headers);
    headersFromEnv = Map.copyOf(headersFromEnv);
  }
}
