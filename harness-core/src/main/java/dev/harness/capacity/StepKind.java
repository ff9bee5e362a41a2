package dev.harness.capacity;

/** What a search step is for. */
public enum StepKind {
  /** Closed loop at a fixed concurrency: measures the saturation throughput (LLM upper bound). */
  SATURATION("saturation"),
  /** Open loop, short: brackets the answer. */
  TRIAL("trial"),
  /** Open loop, full length: confirms a bound of the bracket. */
  FINAL("final"),
  /** Open loop, one rung of the user's fixed ladder. */
  LADDER("ladder");

  private final String label;

  StepKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
