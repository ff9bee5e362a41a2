package dev.harness.traffic;

/**
 * How intended send times are spaced inside a phase.
 *
 * @param kind uniform (fixed gaps), Poisson (exponential gaps) or gamma (burstier or smoother)
 * @param cv coefficient of variation of the gaps for {@link Kind#GAMMA}; 1 for Poisson, 0 uniform
 */
public record Arrival(Kind kind, double cv) {
  public enum Kind {
    UNIFORM,
    POISSON,
    GAMMA
  }

  public Arrival {
    if (kind == null) {
      throw new IllegalArgumentException("arrival kind is required");
    }
    if (!(cv >= 0) || Double.isInfinite(cv)) {
      throw new IllegalArgumentException("arrival cv must be >= 0, got " + cv);
    }
  }

  public static Arrival uniform() {
    return new Arrival(Kind.UNIFORM, 0);
  }

  public static Arrival poisson() {
    return new Arrival(Kind.POISSON, 1);
  }

  public static Arrival gamma(double cv) {
    return new Arrival(Kind.GAMMA, cv);
  }
}
