package dev.harness.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parser of the Prometheus text exposition format, version 0.0.4 (the format of {@code GET
 * /metrics} on vLLM, Triton, DCGM exporter, neuron-monitor's exporter and llama.cpp; described in
 * the Prometheus documentation, "Exposition formats", section "Text-based format").
 *
 * <p>One sample a line: {@code name[{label="value",...}] value [timestamp_ms]}. Names may contain
 * colons; label values escape {@code \\}, {@code \"} and {@code \n}; values are Go-style floats,
 * including {@code NaN}, {@code +Inf}, {@code -Inf} and {@code Inf} in any letter case. {@code #
 * HELP} and {@code # TYPE} lines are kept; other comments are ignored. A line that does not follow
 * the format is skipped and counted in {@link Exposition#malformedLines()}: one bad line never
 * loses the rest of the scrape. Parsing is a hand-written scanner (no regular expressions).
 */
public final class PrometheusText {
  private PrometheusText() {}

  /**
   * One sample line.
   *
   * @param name metric name as written, e.g. {@code vllm:num_requests_running}
   * @param labels label names to unescaped values, in the order written
   * @param value the value (may be NaN or infinite)
   * @param timestampMillis the explicit timestamp in ms since the epoch, or {@link #NO_TIMESTAMP}
   */
  public record MetricSample(
      String name, Map<String, String> labels, double value, long timestampMillis) {
    /** {@link #timestampMillis()} of a sample without an explicit timestamp. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    public MetricSample {
      Objects.requireNonNull(name, "name");
      labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Whether the line carried a timestamp. */
    public boolean hasTimestamp() {
      return timestampMillis != NO_TIMESTAMP;
    }
  }

  /**
   * A whole parsed scrape.
   *
   * @param samples every well-formed sample line, in order
   * @param types metric family name to its {@code # TYPE} ({@code counter}, {@code gauge}, ...)
   * @param help metric family name to its unescaped {@code # HELP} text
   * @param malformedLines lines skipped because they did not follow the format
   * @param firstMalformedLine the 1-based number of the first skipped line, 0 when none
   */
  public record Exposition(
      List<MetricSample> samples,
      Map<String, String> types,
      Map<String, String> help,
      int malformedLines,
      int firstMalformedLine) {
    public Exposition {
      samples = List.copyOf(samples);
      types = Map.copyOf(types);
      help = Map.copyOf(help);
    }
  }

  /** Parses a whole exposition; never throws for bad content. */
  public static Exposition parse(CharSequence text) {
    List<MetricSample> samples = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> help = new LinkedHashMap<>();
    int malformed = 0;
    int firstMalformed = 0;
    int lineNumber = 0;
    int start = 0;
    int length = text.length();
    while (start < length) {
      int end = start;
      while (end < length && text.charAt(end) != '\n') {
        end++;
      }
      lineNumber++;
      int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      Line line = new Line(text, start, lineEnd);
      if (!line.parseInto(samples, types, help)) {
        malformed++;
        if (firstMalformed == 0) {
          firstMalformed = lineNumber;
        }
      }
      start = end + 1;
    }
    return new Exposition(samples, types, help, malformed, firstMalformed);
  }

  /**
   * Parses a Go-style float as Prometheus writes values: a decimal number or one of {@code NaN},
   * {@code Inf}, {@code +Inf}, {@code -Inf} (any letter case, {@code Infinity} also accepted).
   *
   * @throws NumberFormatException naming the text when it is not a number
   */
  public static double parseValue(String s) {
    String t = s;
    int sign = 1;
    if (t.startsWith("+") || t.startsWith("-")) {
      sign = t.charAt(0) == '-' ? -1 : 1;
      t = t.substring(1);
    }
    if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (t.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    if (t.isEmpty() || t.charAt(0) == '+' || t.charAt(0) == '-') {
      throw new NumberFormatException("not a number: '" + s + "'");
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+'
          || c == '-';
      if (!ok) { // rejects Java's own suffixes (1d, 2f) and hex, which Prometheus never writes
        throw new NumberFormatException("not a number: '" + s + "'");
      }
    }
    return sign * Double.parseDouble(t);
  }

  /** A scanner over one line, {@code [pos, end)} of the text. */
  private static final class Line {
    private final CharSequence text;
    private final int end;
    private int pos;

    Line(CharSequence text, int start, int end) {
      this.text = text;
      this.pos = start;
      this.end = end;
    }

    /** Adds what the line holds; false when it is malformed. */
    boolean parseInto(
        List<MetricSample> samples, Map<String, String> types, Map<String, String> help) {
      skipBlanks();
      if (pos == end) {
        return true; // blank line
      }
      if (text.charAt(pos) == '#') {
        return comment(types, help);
      }
      MetricSample sample = sample();
      if (sample == null) {
        return false;
      }
      samples.add(sample);
      return true;
    }

    private boolean comment(Map<String, String> types, Map<String, String> help) {
      pos++;
      skipBlanks();
      String keyword = token();
      if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
        return true; // any other comment
      }
      skipBlanks();
      String name = metricName();
      if (name == null) {
        return false;
      }
      if (keyword.equals("TYPE")) {
        skipBlanks();
        String type = token();
        skipBlanks();
        if (pos != end || !isType(type)) {
          return false;
        }
        types.put(name, type);
        return true;
      }
      if (pos < end && !isBlank(text.charAt(pos))) {
        return false;
      }
      if (pos < end) {
        pos++; // one separator; the docstring keeps further blanks
      }
      String doc = helpText();
      if (doc == null) {
        return false;
      }
      help.put(name, doc);
      return true;
    }

    private MetricSample sample() {
      String name = metricName();
      if (name == null) {
        return null;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      skipBlanks();
      if (pos < end && text.charAt(pos) == '{' && !labels(labels)) {
        return null;
      }
      skipBlanks();
      String valueText = token();
      if (valueText.isEmpty()) {
        return null;
      }
      double value;
      try {
        value = parseValue(valueText);
      } catch (NumberFormatException e) {
        return null;
      }
      skipBlanks();
      long timestamp = MetricSample.NO_TIMESTAMP;
      if (pos < end) {
        String ts = token();
        skipBlanks();
        if (pos != end) {
          return null;
        }
        try {
          timestamp = Long.parseLong(ts);
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return new MetricSample(name, labels, value, timestamp);
    }

    /** {@code {a="x",b="y",}} into {@code labels}; false when malformed or repeated. */
    private boolean labels(Map<String, String> labels) {
      pos++; // '{'
      while (true) {
        skipBlanks();
        if (pos < end && text.charAt(pos) == '}') {
          pos++;
          return true;
        }
        String labelName = labelName();
        if (labelName == null) {
          return false;
        }
        skipBlanks();
        if (pos >= end || text.charAt(pos) != '=') {
          return false;
        }
        pos++;
        skipBlanks();
        String value = quoted();
        if (value == null || labels.put(labelName, value) != null) {
          return false;
        }
        skipBlanks();
        if (pos < end && text.charAt(pos) == ',') {
          pos++;
        } else if (pos >= end || text.charAt(pos) != '}') {
          return false;
        }
      }
    }

    /** A double-quoted label value with its escapes undone, or null. */
    private String quoted() {
      if (pos >= end || text.charAt(pos) != '"') {
        return null;
      }
      pos++;
      StringBuilder sb = new StringBuilder();
      while (pos < end) {
        char c = text.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\') {
          if (pos >= end) {
            return null;
          }
          char e = text.charAt(pos++);
          if (e == 'n') {
            sb.append('\n');
          } else if (e == '\\' || e == '"') {
            sb.append(e);
          } else {
            return null;
          }
        } else {
          sb.append(c);
        }
      }
      return null; // no closing quote
    }

    /** The rest of a HELP line with {@code \\} and {@code \n} undone, or null. */
    private String helpText() {
      StringBuilder sb = new StringBuilder();
      while (pos < end) {
        char c = text.charAt(pos++);
        if (c == '\\' && pos < end) {
          char e = text.charAt(pos);
          if (e == 'n' || e == '\\') {
            sb.append(e == 'n' ? '\n' : '\\');
            pos++;
            continue;
          }
        }
        sb.append(c);
      }
      return sb.toString();
    }

    /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, or null. */
    private String metricName() {
      int from = pos;
      while (pos < end && isNameChar(text.charAt(pos), pos == from, true)) {
        pos++;
      }
      return pos == from ? null : text.subSequence(from, pos).toString();
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}, or null. */
    private String labelName() {
      int from = pos;
      while (pos < end && isNameChar(text.charAt(pos), pos == from, false)) {
        pos++;
      }
      return pos == from ? null : text.subSequence(from, pos).toString();
    }

    /** Characters up to the next blank. */
    private String token() {
      int from = pos;
      while (pos < end && !isBlank(text.charAt(pos))) {
        pos++;
      }
      return text.subSequence(from, pos).toString();
    }

    private void skipBlanks() {
      while (pos < end && isBlank(text.charAt(pos))) {
        pos++;
      }
    }

    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t';
    }

    private static boolean isNameChar(char c, boolean first, boolean colon) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
          || (colon && c == ':') || (!first && c >= '0' && c <= '9');
    }

    private static boolean isType(String t) {
      return t.equals("counter") || t.equals("gauge") || t.equals("histogram")
          || t.equals("summary") || t.equals("untyped");
    }
  }
}
