package dev.harness.capacity;

import java.math.BigDecimal;
import java.math.MathContext;

/** How the search writes a rate: four significant digits, no trailing zeros ("12.5", "120"). */
public final class Rates {
  private Rates() {}

  public static String label(double r) {
    if (!Double.isFinite(r)) {
      return String.valueOf(r);
    }
    return new BigDecimal(r).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
