package dev.harness.record;

/** Where a request's output token count came from, best first. */
public enum TokenCountSource {
  /** The server's usage block. */
  USAGE,
  /** A length known from the payload (e.g. max_tokens with ignore_eos). */
  KNOWN,
  /** Estimated from the text (about 4 characters per token); flagged in results. */
  ESTIMATED,
  /** Not a token-producing protocol. */
  NONE
}
