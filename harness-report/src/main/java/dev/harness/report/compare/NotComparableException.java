package dev.harness.report.compare;

import java.util.List;

/** The runs given to {@code harness compare} cannot be compared; the differences say why. */
public final class NotComparableException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> differences;

  public NotComparableException(List<String> differences) {
    super("not comparable: " + String.join("; ", differences));
    if (differences.isEmpty()) {
      throw new IllegalArgumentException("a not-comparable verdict needs a reason");
    }
    this.differences = List.copyOf(differences);
  }

  /** One line per difference. */
  public List<String> differences() {
    return differences;
  }
}
