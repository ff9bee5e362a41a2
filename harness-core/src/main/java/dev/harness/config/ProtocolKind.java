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
   * Triton / KServe v2 inference over HTTP, {@code /v2/models/<model>[/versions/<v>]/infer}:
   * tensors in, tensors out (classic models, not LLM).
   */
  TRITON_INFER("triton-infer", "/v2/models/{model}/infer"),
  /**
   * Triton's generate extension, {@code /v2/models/<model>[/versions/<v>]/generate}, or {@code
   * /generate_stream} when streamed (LLM).
   */
  TRITON_GENERATE("triton-generate", "/v2/models/{model}/generate"),
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

  /**
   * Path used when the target URL has none; for the Triton protocols a template in which {@code
   * {model}} stands for the model (and version) path.
   */
  public String defaultPath() {
    return defaultPath;
  }

  /** Whether responses carry generated tokens (TTFT, ITL and token counts apply). */
  public boolean isLlm() {
    return this != HTTP && this != TRITON_INFER && this != SAGEMAKER;
  }

  /** The Triton / KServe v2 protocols, whose path names the model. */
  public boolean isTriton() {
    return this == TRITON_INFER || this == TRITON_GENERATE;
  }

  /** Whether requests go through the AWS SDK to the SageMaker runtime. */
  public boolean isSageMaker() {
    return this == SAGEMAKER || this == SAGEMAKER_STREAM;
  }
}
