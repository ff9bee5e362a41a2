package dev.harness.capacity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for verdict reasons and check names: Locale-free, trailing zeros dropped. */
final class Texts {
  private Texts() {}

  /** {@code v} rounded to at most {@code maxDecimals}, e.g. 1.50 → "1.5", 250.0 → "250". */
  static String number(double v, int maxDecimals) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    BigDecimal d = BigDecimal.valueOf(v).setScale(maxDecimals, RoundingMode.HALF_UP);
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  /** Milliseconds with precision that follows the size: 312.4, 12.35, 0.125. */
  static String millis(double ms) {
    double abs = Math.abs(ms);
    return number(ms, abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
  }

  /** A share as a percentage: 0.018 → "1.8%", 0.01 → "1%". */
  static String percent(double share) {
    double pct = share * 100;
    return number(pct, Math.abs(pct) >= 0.1 ? 2 : 4) + "%";
  }

  /** A percentile label: 99 → "p99", 99.9 → "p99.9". */
  static String percentile(double p) {
    return "p" + number(p, 4);
  }
}
