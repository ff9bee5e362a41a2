package dev.harness.config;

/** A recommend plan's {@code platform}: where the candidates run, which decides their price. */
public enum PlatformKind {
  /** EC2 on-demand, Linux. */
  EC2("ec2"),
  /** SageMaker real-time inference ({@code ml.*} types); the default. */
  SAGEMAKER("sagemaker");

  private final String key;

  PlatformKind(String key) {
    this.key = key;
  }

  /** The name used in plans and messages: {@code ec2} or {@code sagemaker}. */
  public String key() {
    return key;
  }
}
