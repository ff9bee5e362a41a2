package dev.harness.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Conversions of SnakeYAML nodes into values, each failing with a {@link PlanException} at the
 * node. Scalars keep the tag SnakeYAML's resolver gave them (YAML 1.1 rules), so {@code 30} is a
 * number and {@code 30s} is text.
 */
final class Nodes {
  private Nodes() {}

  private static final Set<String> TRUE = Set.of("true", "yes", "on");
  private static final int MAX_QUOTED = 60;

  /** An error located at {@code node} (SnakeYAML marks are 0-based; ours are 1-based). */
  static PlanException error(Path file, Node node, String field, String problem) {
    Mark mark = node == null ? null : node.getStartMark();
    if (mark == null) {
      return new PlanException(file, 0, 0, field, problem);
    }
    return new PlanException(file, mark.getLine() + 1, mark.getColumn() + 1, field, problem);
  }

  /** How a node reads in a message: {@code 'fast'}, {@code a mapping}, {@code a list}. */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node == null || isNull(node)) {
      return "nothing";
    }
    return quote(((ScalarNode) node).getValue());
  }

  /** {@code 'text'}, shortened and kept on one line. */
  static String quote(String text) {
    String s = PlanException.oneLine(text);
    return "'" + (s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "..." : s) + "'";
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  /** Any non-null scalar, as written. */
  static String text(Path file, Node node, String field) throws PlanException {
    if (!(node instanceof ScalarNode) || isNull(node)) {
      throw error(file, node, field, "expected text, got " + describe(node));
    }
    return ((ScalarNode) node).getValue();
  }

  /** Non-blank text, stripped. */
  static String nonBlankText(Path file, Node node, String field) throws PlanException {
    String s = text(file, node, field).strip();
    if (s.isEmpty()) {
      throw error(file, node, field, "must not be blank");
    }
    return s;
  }

  /** A finite number; YAML 1.1 digit separators ({@code 1_000}) are allowed. */
  static double number(Path file, Node node, String field) throws PlanException {
    if (!isTagged(node, Tag.INT) && !isTagged(node, Tag.FLOAT)) {
      throw error(file, node, field, "expected a number, got " + describe(node) + quotedHint(node));
    }
    try {
      double d = Double.parseDouble(((ScalarNode) node).getValue().replace("_", ""));
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw error(file, node, field, "expected a finite decimal number, got " + describe(node));
  }

  /** A whole number that fits in a {@code long}. */
  static long wholeNumber(Path file, Node node, String field) throws PlanException {
    if (!isTagged(node, Tag.INT)) {
      throw error(file, node, field, "expected a whole number, got " + describe(node));
    }
    try {
      return Long.parseLong(((ScalarNode) node).getValue().replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      throw error(
          file, node, field, "expected a decimal whole number within ±2^63, got " + describe(node));
    }
  }

  /** A whole number from 1 to {@link Integer#MAX_VALUE}. */
  static int positiveInt(Path file, Node node, String field) throws PlanException {
    long n = wholeNumber(file, node, field);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw error(file, node, field, "must be a whole number from 1 to " + Integer.MAX_VALUE
          + ", got " + n);
    }
    return (int) n;
  }

  /** {@code true/false} (YAML 1.1 also reads yes/no and on/off as booleans). */
  static boolean bool(Path file, Node node, String field) throws PlanException {
    if (!isTagged(node, Tag.BOOL)) {
      throw error(file, node, field, "expected true or false, got " + describe(node));
    }
    return TRUE.contains(((ScalarNode) node).getValue().toLowerCase(Locale.ROOT));
  }

  /** A duration in {@link DurationParser} syntax. */
  static Duration duration(Path file, Node node, String field) throws PlanException {
    if (!(node instanceof ScalarNode) || isNull(node)) {
      throw error(file, node, field, "expected a duration such as 10s, got " + describe(node));
    }
    try {
      return DurationParser.parse(((ScalarNode) node).getValue());
    } catch (IllegalArgumentException e) {
      throw error(file, node, field, e.getMessage());
    }
  }

  /** A duration greater than zero. */
  static Duration positiveDuration(Path file, Node node, String field) throws PlanException {
    Duration d = duration(file, node, field);
    if (d.isZero() || d.isNegative()) {
      throw error(file, node, field, "must be longer than zero, got " + describe(node));
    }
    return d;
  }

  /** One of the keys of {@code allowed}, case-sensitive, which are listed in the error. */
  static <E> E choice(Path file, Node node, String field, Map<String, E> allowed)
      throws PlanException {
    String s = text(file, node, field).strip();
    E value = allowed.get(s);
    if (value == null) {
      throw error(
          file,
          node,
          field,
          quote(s)
              + " is not allowed; use one of: "
              + String.join(", ", allowed.keySet())
              + Suggestions.didYouMean(s, allowed.keySet()));
    }
    return value;
  }

  /** The items of a YAML list. */
  static List<Node> list(Path file, Node node, String field) throws PlanException {
    if (!(node instanceof SequenceNode)) {
      throw error(file, node, field, "expected a list, got " + describe(node));
    }
    return ((SequenceNode) node).getValue();
  }

  /** A hint for a number written in quotes, which YAML reads as text; else "". */
  private static String quotedHint(Node node) {
    if (node instanceof ScalarNode
        && !((ScalarNode) node).isPlain()
        && ((ScalarNode) node).getValue().matches("[-+]?[0-9][0-9_]*(\\.[0-9]*)?")) {
      return " (quoted, so it is text; remove the quotes)";
    }
    return "";
  }

  private static boolean isTagged(Node node, Tag tag) {
    return node instanceof ScalarNode && tag.equals(node.getTag());
  }
}
