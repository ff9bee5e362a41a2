package dev.harness.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in plans: one or more {@code <number><unit>} parts with units in
 * decreasing order ({@code 250ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code
 * 1m30s}), units {@code h m s ms us ns}; or ISO-8601 as read by {@link Duration#parse} ({@code
 * PT10S}). A bare number is rejected because its unit would be a guess.
 */
public final class DurationParser {
  private DurationParser() {}

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
  private static final Pattern BARE_NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");

  /** Units from largest to smallest, with their length in nanoseconds. */
  private static final List<String> UNITS = List.of("h", "m", "s", "ms", "us", "ns");

  private static final long[] UNIT_NANOS = {
    3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L
  };

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a duration is required, e.g. 10s");
    }
    String s = text.strip();
    if (BARE_NUMBER.matcher(s).matches()) {
      throw new IllegalArgumentException(
          "'" + s + "' needs a unit, e.g. " + s.replaceFirst("^[-+]", "") + "s");
    }
    if (s.charAt(0) == 'P' || s.charAt(0) == 'p') {
      Duration d;
      try {
        d = Duration.parse(s.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + s + "' is not an ISO-8601 duration such as PT10S");
      }
      try {
        d.toNanos();
      } catch (ArithmeticException e) {
        throw tooLong(s);
      }
      return d;
    }
    return parseParts(s);
  }

  private static Duration parseParts(String s) {
    Matcher m = PART.matcher(s);
    long nanos = 0;
    int end = 0;
    int lastUnit = -1;
    while (end < s.length()) {
      if (!m.find(end) || m.start() != end) {
        throw notADuration(s);
      }
      int unit = UNITS.indexOf(m.group(2).equals("µs") ? "us" : m.group(2));
      if (unit <= lastUnit) {
        throw new IllegalArgumentException(
            "'" + s + "': units must go from largest to smallest, each once, e.g. 1m30s");
      }
      lastUnit = unit;
      nanos = addPart(s, nanos, new BigDecimal(m.group(1)), UNIT_NANOS[unit]);
      end = m.end();
    }
    return Duration.ofNanos(nanos);
  }

  private static long addPart(String s, long nanos, BigDecimal amount, long unitNanos) {
    BigDecimal part = amount.multiply(BigDecimal.valueOf(unitNanos));
    if (part.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("'" + s + "' is finer than a nanosecond");
    }
    try {
      return Math.addExact(nanos, part.longValueExact());
    } catch (ArithmeticException e) {
      throw tooLong(s);
    }
  }

  private static IllegalArgumentException tooLong(String s) {
    return new IllegalArgumentException("'" + s + "' is too long (over 292 years)");
  }

  private static IllegalArgumentException notADuration(String s) {
    return new IllegalArgumentException(
        "'" + s + "' is not a duration; write e.g. 250ms, 10s, 2m, 1h, 1m30s or PT10S");
  }

  /**
   * Writes {@code d} in the compact form this class reads, e.g. {@code 1m30s}, {@code 250ms};
   * {@code 0s} for zero. {@code parse(format(d))} equals {@code d} for non-negative durations.
   */
  public static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long seconds = d.getSeconds();
    appendPart(sb, seconds / 3600, "h");
    appendPart(sb, seconds % 3600 / 60, "m");
    appendPart(sb, seconds % 60, "s");
    int nanos = d.getNano();
    appendPart(sb, nanos / 1_000_000, "ms");
    appendPart(sb, nanos / 1_000 % 1_000, "us");
    appendPart(sb, nanos % 1_000, "ns");
    return sb.toString();
  }

  private static void appendPart(StringBuilder sb, long amount, String unit) {
    if (amount > 0) {
      sb.append(amount).append(unit);
    }
  }
}
