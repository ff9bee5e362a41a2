package dev.harness.cost;

import dev.harness.config.Suggestions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one catalog file into its settings and partial type entries, each value checked and
 * located ({@code file:line:column}). Merging files and resolving {@code price-of} is {@link
 * Catalog}'s job.
 */
final class CatalogReader {
  static final String REGION = "region";
  static final String TAKEN = "taken";
  static final String SOURCE = "source";
  static final String DISCOUNT = "discount";
  static final String TYPES = "types";
  static final String ACCELERATOR = "accelerator";
  static final String ACCELERATORS = "accelerators";
  static final String ACCELERATOR_MEMORY = "accelerator-memory-gib";
  static final String VCPUS = "vcpus";
  static final String MEMORY = "memory-gib";
  static final String EC2 = "ec2-per-hour";
  static final String SAGEMAKER = "sagemaker-per-hour";
  static final String CUSTOM = "price-per-hour";
  static final String PRICE_OF = "price-of";

  /** Keys that set a price. */
  static final Set<String> PRICES = Set.of(EC2, SAGEMAKER, CUSTOM);

  private static final List<String> TOP_KEYS = List.of(REGION, TAKEN, SOURCE, DISCOUNT, TYPES);
  private static final List<String> TYPE_KEYS =
      List.of(ACCELERATOR, ACCELERATORS, ACCELERATOR_MEMORY, VCPUS, MEMORY, EC2, SAGEMAKER,
          CUSTOM, DISCOUNT, TAKEN, SOURCE, PRICE_OF);

  private CatalogReader() {}

  /** A checked value with where it was written. */
  record Located(Object value, Path file, int line, int column, String field) {
    CatalogException error(String problem) {
      return new CatalogException(file, line, column, field, problem);
    }
  }

  /** One file's top-level settings (null when absent) and its type entries in file order. */
  record CatalogFile(Path file, Map<String, Located> settings, Map<String, TypeEntry> types) {}

  /** One type's entry in one file: where it starts and the values it sets. */
  record TypeEntry(Located at, Map<String, Located> values) {}

  static CatalogFile read(Path file) throws CatalogException {
    MappingNode root = mapping(file, compose(file), "", "a catalog");
    Map<String, NodeTuple> top = entries(file, root, "", TOP_KEYS);
    Map<String, Located> settings = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : top.entrySet()) {
      if (!e.getKey().equals(TYPES)) {
        settings.put(e.getKey(), value(file, e.getKey(), e.getValue().getValueNode(), e.getKey()));
      }
    }
    Map<String, TypeEntry> types = new LinkedHashMap<>();
    NodeTuple typesTuple = top.get(TYPES);
    if (typesTuple != null && !isNull(typesTuple.getValueNode())) {
      MappingNode typesNode = mapping(file, typesTuple.getValueNode(), TYPES, "types by name");
      for (NodeTuple t : entries(file, typesNode, TYPES, null).values()) {
        String name = ((ScalarNode) t.getKeyNode()).getValue().strip();
        String path = TYPES + "." + name;
        MappingNode typeNode = mapping(file, t.getValueNode(), path, "the facts of type " + name);
        Map<String, Located> values = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : entries(file, typeNode, path, TYPE_KEYS).entrySet()) {
          Node v = e.getValue().getValueNode();
          if (!isNull(v)) {
            values.put(e.getKey(), value(file, e.getKey(), v, path + "." + e.getKey()));
          }
        }
        types.put(name, new TypeEntry(located(name, file, t.getKeyNode(), path), values));
      }
    }
    return new CatalogFile(file, settings, types);
  }

  private static Node compose(Path file) throws CatalogException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Node node = new Yaml(new LoaderOptions()).compose(r);
      if (node == null) {
        throw new CatalogException(file, 0, 0, CatalogException.DOCUMENT, "the file is empty");
      }
      return node;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = "YAML syntax error: " + (e.getProblem() != null ? e.getProblem() : "");
      throw mark == null
          ? new CatalogException(file, 0, 0, CatalogException.DOCUMENT, problem)
          : new CatalogException(file, mark.getLine() + 1, mark.getColumn() + 1,
              CatalogException.DOCUMENT, problem);
    } catch (YAMLException e) {
      throw new CatalogException(file, 0, 0, CatalogException.DOCUMENT,
          "not valid YAML: " + e.getMessage());
    } catch (IOException e) {
      throw new CatalogException(file, 0, 0, CatalogException.DOCUMENT,
          "cannot read the catalog: " + e);
    }
  }

  private static MappingNode mapping(Path file, Node node, String path, String what)
      throws CatalogException {
    if (!(node instanceof MappingNode)) {
      throw error(file, node, path, "expected " + what + " (a mapping of key: value), got "
          + describe(node));
    }
    return (MappingNode) node;
  }

  /** The entries of a mapping by key; {@code allowed} null allows any plain key. */
  private static Map<String, NodeTuple> entries(
      Path file, MappingNode node, String path, List<String> allowed) throws CatalogException {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : node.getValue()) {
      Node key = t.getKeyNode();
      if (!(key instanceof ScalarNode) || isNull(key) || ((ScalarNode) key).getValue().isBlank()) {
        throw error(file, key, path, "keys must be plain names, got " + describe(key));
      }
      String name = ((ScalarNode) key).getValue().strip();
      String field = path.isEmpty() ? name : path + "." + name;
      if (allowed != null && !allowed.contains(name)) {
        throw error(file, key, field, "unknown key" + Suggestions.didYouMean(name, allowed)
            + " (allowed here: " + String.join(", ", allowed) + ")");
      }
      NodeTuple first = out.putIfAbsent(name, t);
      if (first != null) {
        throw error(file, key, field, "appears twice; first at line "
            + (first.getKeyNode().getStartMark().getLine() + 1));
      }
    }
    return out;
  }

  /** Converts and checks the value of {@code key}. */
  private static Located value(Path file, String key, Node node, String field)
      throws CatalogException {
    switch (key) {
      case ACCELERATORS:
        return located(wholeNumber(file, node, field, 0), file, node, field);
      case VCPUS:
        return located(wholeNumber(file, node, field, 1), file, node, field);
      case ACCELERATOR_MEMORY:
        return located(number(file, node, field, 0, false), file, node, field);
      case MEMORY:
      case EC2:
      case SAGEMAKER:
      case CUSTOM:
        return located(number(file, node, field, 0, true), file, node, field);
      case DISCOUNT:
        double d = number(file, node, field, 0, false);
        if (d >= 1) {
          throw error(file, node, field,
              "must be from 0 (inclusive) to 1 (exclusive), e.g. 0.3 for 30 % off, got " + d);
        }
        return located(d, file, node, field);
      case TAKEN:
        return located(date(file, node, field), file, node, field);
      default:
        return located(text(file, node, field), file, node, field);
    }
  }

  private static Located located(Object value, Path file, Node node, String field) {
    Mark m = node.getStartMark();
    return m == null
        ? new Located(value, file, 0, 0, field)
        : new Located(value, file, m.getLine() + 1, m.getColumn() + 1, field);
  }

  private static String text(Path file, Node node, String field) throws CatalogException {
    if (!(node instanceof ScalarNode) || isNull(node)
        || ((ScalarNode) node).getValue().isBlank()) {
      throw error(file, node, field, "expected text, got " + describe(node));
    }
    return ((ScalarNode) node).getValue().strip();
  }

  private static double number(Path file, Node node, String field, double min, boolean strict)
      throws CatalogException {
    if (!(node instanceof ScalarNode)
        || !(Tag.INT.equals(node.getTag()) || Tag.FLOAT.equals(node.getTag()))) {
      throw error(file, node, field, "expected a number, got " + describe(node));
    }
    double d;
    try {
      d = Double.parseDouble(((ScalarNode) node).getValue().replace("_", ""));
    } catch (NumberFormatException e) {
      throw error(file, node, field, "expected a decimal number, got " + describe(node));
    }
    if (!Double.isFinite(d) || (strict ? d <= min : d < min)) {
      throw error(file, node, field, "must be " + (strict ? "> " : ">= ") + (long) min
          + ", got " + describe(node));
    }
    return d;
  }

  private static int wholeNumber(Path file, Node node, String field, int min)
      throws CatalogException {
    if (!(node instanceof ScalarNode) || !Tag.INT.equals(node.getTag())) {
      throw error(file, node, field, "expected a whole number, got " + describe(node));
    }
    long n;
    try {
      n = Long.parseLong(((ScalarNode) node).getValue().replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      throw error(file, node, field, "expected a decimal whole number, got " + describe(node));
    }
    if (n < min || n > Integer.MAX_VALUE) {
      throw error(file, node, field, "must be a whole number >= " + min + ", got " + n);
    }
    return (int) n;
  }

  private static LocalDate date(Path file, Node node, String field) throws CatalogException {
    String s = text(file, node, field);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw error(file, node, field, "expected a date such as 2026-11-01, got " + describe(node));
    }
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  private static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (!(node instanceof ScalarNode)) {
      return "a list";
    }
    if (isNull(node)) {
      return "nothing";
    }
    String s = ((ScalarNode) node).getValue().strip();
    return "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'";
  }

  private static CatalogException error(Path file, Node node, String field, String problem) {
    Mark m = node == null ? null : node.getStartMark();
    String f = field.isEmpty() ? CatalogException.DOCUMENT : field;
    return m == null
        ? new CatalogException(file, 0, 0, f, problem)
        : new CatalogException(file, m.getLine() + 1, m.getColumn() + 1, f, problem);
  }
}
