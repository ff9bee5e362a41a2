package dev.harness.metrics.aws;

/**
 * An AWS call needed before the run could not be made or gave no usable answer: no credentials,
 * an EC2 host that cannot be resolved, an instance type EC2 does not know. The message names what
 * was asked and the service's reason; it never contains a secret.
 */
public final class AwsAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message} and no cause (causes may carry request details). */
  public AwsAccessException(String message) {
    super(message, null);
  }
}
