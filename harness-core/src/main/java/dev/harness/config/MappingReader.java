package dev.harness.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One YAML mapping of the plan, read key by key. Knows its field path ({@code target}, {@code
 * phases[2]}) so that every error names the field; a key whose value is {@code null} (or empty)
 * reads as absent. Typed getters return null when the key is absent; {@code required*} getters
 * fail at the mapping instead.
 */
final class MappingReader {
  private final Path file;
  private final String path;
  private final MappingNode node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private MappingReader(Path file, String path, MappingNode node) throws PlanException {
    this.file = file;
    this.path = path;
    this.node = node;
    for (NodeTuple tuple : node.getValue()) {
      Node key = tuple.getKeyNode();
      if (!(key instanceof ScalarNode) || Nodes.isNull(key)) {
        throw Nodes.error(file, key, path.isEmpty() ? PlanException.DOCUMENT : path,
            "keys must be plain names, got " + Nodes.describe(key));
      }
      String name = ((ScalarNode) key).getValue();
      NodeTuple first = entries.putIfAbsent(name, tuple);
      if (first != null) {
        throw Nodes.error(file, key, field(name),
            "appears twice; first at line " + (first.getKeyNode().getStartMark().getLine() + 1));
      }
    }
  }

  /** Reads {@code node} as the mapping at {@code path}; {@code what} names it in the error. */
  static MappingReader of(Path file, Node node, String path, String what) throws PlanException {
    if (!(node instanceof MappingNode)) {
      throw Nodes.error(file, node, path.isEmpty() ? PlanException.DOCUMENT : path,
          "expected " + what + " (a mapping of key: value), got " + Nodes.describe(node));
    }
    return new MappingReader(file, path, (MappingNode) node);
  }

  /** Fails at the first key not in {@code allowed}, suggesting a close match. */
  MappingReader allowOnly(Collection<String> allowed) throws PlanException {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw unknownKey(e.getKey(), allowed);
      }
    }
    return this;
  }

  /** The error {@link #allowOnly} raises for {@code key}. */
  PlanException unknownKey(String key, Collection<String> allowed) {
    return errorAtKey(key, "unknown key" + Suggestions.didYouMean(key, allowed)
        + " (allowed here: " + String.join(", ", allowed) + ")");
  }

  Collection<String> keys() {
    return entries.keySet();
  }

  Path file() {
    return file;
  }

  String path() {
    return path;
  }

  MappingNode node() {
    return node;
  }

  /** Field path of {@code key} in this mapping. */
  String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Whether {@code key} is present with a non-null value. */
  boolean has(String key) {
    return value(key) != null;
  }

  /** The value of {@code key}, or null when absent or null. */
  Node value(String key) {
    NodeTuple t = entries.get(key);
    return t == null || Nodes.isNull(t.getValueNode()) ? null : t.getValueNode();
  }

  /** An error at the value of {@code key} (at the key when the value is empty). */
  PlanException errorAt(String key, String problem) {
    Node value = value(key);
    return value != null ? Nodes.error(file, value, field(key), problem) : errorAtKey(key, problem);
  }

  /** An error at {@code key} itself. */
  PlanException errorAtKey(String key, String problem) {
    NodeTuple t = entries.get(key);
    return Nodes.error(file, t == null ? node : t.getKeyNode(), field(key), problem);
  }

  /** An error about this mapping as a whole, e.g. a combination of keys. */
  PlanException error(String problem) {
    return Nodes.error(file, node, path.isEmpty() ? PlanException.DOCUMENT : path, problem);
  }

  /** The value of a required key: missing is an error at this mapping, empty one at the key. */
  Node required(String key) throws PlanException {
    Node value = value(key);
    if (value == null) {
      if (entries.containsKey(key)) {
        throw errorAtKey(key, "needs a value");
      }
      throw Nodes.error(file, node, field(key), "is required but missing");
    }
    return value;
  }

  String text(String key) throws PlanException {
    return has(key) ? Nodes.nonBlankText(file, value(key), field(key)) : null;
  }

  String requiredText(String key) throws PlanException {
    return Nodes.nonBlankText(file, required(key), field(key));
  }

  Double number(String key) throws PlanException {
    return has(key) ? Nodes.number(file, value(key), field(key)) : null;
  }

  double requiredNumber(String key) throws PlanException {
    return Nodes.number(file, required(key), field(key));
  }

  Long wholeNumber(String key) throws PlanException {
    return has(key) ? Nodes.wholeNumber(file, value(key), field(key)) : null;
  }

  Integer positiveInt(String key) throws PlanException {
    return has(key) ? Nodes.positiveInt(file, value(key), field(key)) : null;
  }

  int requiredPositiveInt(String key) throws PlanException {
    return Nodes.positiveInt(file, required(key), field(key));
  }

  boolean bool(String key, boolean absent) throws PlanException {
    return has(key) ? Nodes.bool(file, value(key), field(key)) : absent;
  }

  Duration positiveDuration(String key, Duration absent) throws PlanException {
    return has(key) ? Nodes.positiveDuration(file, value(key), field(key)) : absent;
  }

  Duration requiredPositiveDuration(String key) throws PlanException {
    return Nodes.positiveDuration(file, required(key), field(key));
  }

  <E> E choice(String key, Map<String, E> allowed, E absent) throws PlanException {
    return has(key) ? Nodes.choice(file, value(key), field(key), allowed) : absent;
  }

  <E> E requiredChoice(String key, Map<String, E> allowed) throws PlanException {
    return Nodes.choice(file, required(key), field(key), allowed);
  }

  /** The nested mapping at {@code key}, or null when absent. */
  MappingReader mapping(String key, String what) throws PlanException {
    return has(key) ? of(file, value(key), field(key), what) : null;
  }

  List<Node> list(String key) throws PlanException {
    return has(key) ? Nodes.list(file, value(key), field(key)) : null;
  }

  /** A mapping of names to text values, in file order; empty when absent. */
  Map<String, String> textMap(String key) throws PlanException {
    MappingReader m = mapping(key, key);
    Map<String, String> result = new LinkedHashMap<>();
    if (m != null) {
      for (String k : m.keys()) {
        result.put(k, m.requiredText(k));
      }
    }
    return result;
  }
}
