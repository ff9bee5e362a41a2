package dev.harness.record;

/**
 * The one outcome every scheduled request gets. Everything but {@link #SUCCESS} counts against the
 * SLO; none of them vanish from the counts.
 */
public enum Outcome {
  SUCCESS("success"),
  /** TCP connect failed or timed out. */
  CONNECT_ERROR("connect"),
  /** The peer reset or closed the connection while the request was in flight. */
  CONNECTION_RESET("reset"),
  /** A pooled keep-alive connection turned out to be closed when the request was written. */
  STALE_CONNECTION("stale-connection"),
  /** No complete response within the request timeout; recorded at the timeout and censored. */
  TIMEOUT("timeout"),
  HTTP_429("http-429"),
  HTTP_4XX("http-4xx"),
  HTTP_5XX("http-5xx"),
  /** The response could not be parsed as the protocol requires. */
  PROTOCOL_ERROR("protocol"),
  /** The server reported an error inside an otherwise well-formed stream. */
  STREAM_ERROR("stream-error"),
  /** The stream ended without a finish reason / [DONE], or without a single output token. */
  STREAM_INCOMPLETE("stream-incomplete"),
  /** Not sent: the in-flight cap was reached at its intended time. */
  DROPPED("dropped"),
  /** Still in flight when an interrupted run stopped waiting for it. */
  CANCELLED("cancelled");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /** Stable, lower-case name used in results, progress lines and requests.bin documentation. */
  public String label() {
    return label;
  }

  public boolean isError() {
    return this != SUCCESS;
  }
}
