package dev.harness.capacity;

import java.util.Locale;

/** How the search writes a rate: four significant digits, no trailing zeros ("12.5", "120"). */
public final class Rates {
  private Rates() {}

  public static String label(double r) {
    return String.format(Locale.ROOT, "%.4g", r).replaceAll("\\.?0+$", "");
  }
}
