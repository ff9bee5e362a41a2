package dev.harness.config;

/** The API a target speaks. */
public enum ProtocolKind {
  /** OpenAI-compatible {@code /v1/chat/completions} (vLLM, TGI, SGLang, ...). */
  OPENAI_CHAT("openai-chat", "/v1/chat/completions"),
  /** OpenAI-compatible {@code /v1/completions}. */
  OPENAI_COMPLETIONS("openai-completions", "/v1/completions"),
  /** Any HTTP endpoint: the payload body is sent as-is; success is a 2xx status. */
  HTTP("http", "/"),
  /**
   * SageMaker runtime InvokeEndpoint through the AWS SDK (SigV4): one whole response; success is a
   * 2xx; no token metrics. The endpoint is configured under {@code target.sagemaker}.
   */
  SAGEMAKER("sagemaker", "/invocations"),
  /**
   * SageMaker runtime InvokeEndpointWithResponseStream through the AWS SDK: the response arrives
   * as PayloadPart events; token metrics as for the OpenAI protocols.
   */
  SAGEMAKER_STREAM("sagemaker-stream", "/invocations-response-stream");

  private final String yamlName;
  private final String defaultPath;

  ProtocolKind(String yamlName, String defaultPath) {
    this.yamlName = yamlName;
    this.defaultPath = defaultPath;
  }

  /** The spelling used in plan files. */
  public String yamlName() {
    return yamlName;
  }

  /** Path used when the target URL has none. */
  public String defaultPath() {
    return defaultPath;
  }

  /** Whether responses carry generated tokens (TTFT, ITL and token counts apply). */
  public boolean isLlm() {
    return this != HTTP && this != SAGEMAKER;
  }

  /** Whether requests go through the AWS SDK to the SageMaker runtime. */
  public boolean isSageMaker() {
    return this == SAGEMAKER || this == SAGEMAKER_STREAM;
  }
}
