package dev.harness.cost;

/** Where an instance type runs, which decides its list price. */
public enum Platform {
  /** EC2 on-demand, Linux: the catalog's {@code ec2-per-hour}. */
  EC2("ec2"),
  /** SageMaker real-time inference ({@code ml.*} types): the catalog's {@code sagemaker-per-hour}. */
  SAGEMAKER("sagemaker");

  private final String key;

  Platform(String key) {
    this.key = key;
  }

  /** The name used in files and messages: {@code ec2} or {@code sagemaker}. */
  public String key() {
    return key;
  }
}
