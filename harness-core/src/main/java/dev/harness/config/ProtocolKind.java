package dev.harness.config;

/** The API a target speaks. */
public enum ProtocolKind {
  /** OpenAI-compatible {@code /v1/chat/completions} (vLLM, TGI, SGLang, ...). */
  OPENAI_CHAT("openai-chat", "/v1/chat/completions"),
  /** OpenAI-compatible {@code /v1/completions}. */
  OPENAI_COMPLETIONS("openai-completions", "/v1/completions"),
  /** Any HTTP endpoint: the payload body is sent as-is; success is a 2xx status. */
  HTTP("http", "/");

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

  public boolean isLlm() {
    return this != HTTP;
  }
}
