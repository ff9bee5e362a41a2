package dev.harness.protocol;

import java.io.IOException;

/**
 * The endpoint answered a readiness check with anything but 2xx, or not at all; the message says
 * which URL, what it answered and, for a model, which model.
 */
public final class EndpointNotReadyException extends IOException {
  private static final long serialVersionUID = 1L;

  public EndpointNotReadyException(String message) {
    super(message);
  }

  public EndpointNotReadyException(String message, Throwable cause) {
    super(message, cause);
  }
}
