package dev.harness.protocol.sagemaker;

/**
 * No AWS credentials could be resolved before the run. The message names the source that was
 * tried (the profile, or the default chain) and the SDK's reason; it never contains a secret.
 */
public final class CredentialsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
