package dev.harness.config;

import dev.harness.traffic.Arrival;
import dev.harness.traffic.ConstantPhase;
import dev.harness.traffic.Phase;
import dev.harness.traffic.RampPhase;
import dev.harness.traffic.StairsPhase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code phases:} into traffic phases. Each type takes its own keys; a key of another type
 * ({@code rate} on a ramp) is an error that says which keys the type takes.
 */
final class PhaseReader {
  private PhaseReader() {}

  private static final List<String> COMMON = List.of("name", "type", "arrival", "cv");

  private static final Map<String, List<String>> TYPE_KEYS = typeKeys();

  private static final Map<String, String> TYPES = types();

  private static final Set<String> ALL_KEYS = allKeys();

  private static final Map<String, Arrival.Kind> ARRIVALS = arrivals();

  static List<Phase> read(Path file, MappingReader plan) throws PlanException {
    List<Node> items = Nodes.list(file, plan.required("phases"), "phases");
    if (items.isEmpty()) {
      throw plan.errorAt("phases", "needs at least one phase");
    }
    List<Phase> phases = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      MappingReader m = MappingReader.of(file, items.get(i), "phases[" + i + "]", "a phase");
      Phase phase = phase(m, i);
      Integer previous = names.putIfAbsent(phase.name(), i);
      if (previous != null) {
        String problem = "duplicate phase name '" + phase.name() + "' (also phases[" + previous
            + "]); phase names must be unique";
        throw m.has("name") ? m.errorAt("name", problem) : m.error(problem);
      }
      phases.add(phase);
    }
    return phases;
  }

  private static Phase phase(MappingReader m, int index) throws PlanException {
    checkKeys(m);
    String type = m.requiredChoice("type", TYPES);
    String name = m.has("name") ? m.requiredText("name") : Defaults.PHASE_NAME_PREFIX + (index + 1);
    Arrival arrival = arrival(m);
    try {
      switch (type) {
        case "constant":
          return new ConstantPhase(name, positiveRate(m, "rate"),
              m.requiredPositiveDuration("duration"), arrival);
        case "ramp":
          return new RampPhase(name, nonNegativeRate(m, "from"), nonNegativeRate(m, "to"),
              m.requiredPositiveDuration("duration"), arrival);
        default:
          return stairs(m, name, arrival);
      }
    } catch (IllegalArgumentException e) {
      throw m.error(e.getMessage());
    }
  }

  private static Phase stairs(MappingReader m, String name, Arrival arrival)
      throws PlanException {
    double from = positiveRate(m, "from");
    double to = positiveRate(m, "to");
    int steps = m.requiredPositiveInt("steps");
    Duration stepDuration = m.requiredPositiveDuration("step-duration");
    if (steps == 1 && from != to) {
      throw m.errorAt("steps", "a single step runs only at 'from'; set 'to' equal to 'from' or "
          + "use 2 or more steps");
    }
    return new StairsPhase(name, from, to, steps, stepDuration, arrival);
  }

  /**
   * Fails at the first key that is unknown, or that belongs to another phase type when the type
   * is readable; unknown keys get suggestions from the keys of their own type where known.
   */
  private static void checkKeys(MappingReader m) throws PlanException {
    Node typeNode = m.value("type");
    String type = typeNode instanceof ScalarNode ? ((ScalarNode) typeNode).getValue() : null;
    List<String> own = TYPE_KEYS.get(type);
    if (own == null) {
      m.allowOnly(ALL_KEYS);
      return;
    }
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.addAll(own);
    for (String key : m.keys()) {
      if (ALL_KEYS.contains(key) && !allowed.contains(key)) {
        throw m.errorAtKey(key, "does not apply to a " + type + " phase, which takes: "
            + String.join(", ", own));
      }
    }
    m.allowOnly(allowed);
  }

  private static Arrival arrival(MappingReader m) throws PlanException {
    Arrival.Kind kind = m.choice("arrival", ARRIVALS, Defaults.ARRIVAL.kind());
    Double cv = m.number("cv");
    if (kind != Arrival.Kind.GAMMA) {
      if (cv != null) {
        throw m.errorAtKey("cv", "applies only to 'arrival: gamma'");
      }
      return kind == Arrival.Kind.UNIFORM ? Arrival.uniform() : Arrival.poisson();
    }
    if (cv == null) {
      throw m.errorAt("arrival", "gamma arrivals need 'cv: <number>' beside them, the "
          + "coefficient of variation of the gaps "
          + "(1 is Poisson, below 1 smoother, above 1 burstier)");
    }
    if (!(cv > 0)) {
      throw m.errorAt("cv", "must be > 0 (use 'arrival: uniform' for even gaps), got " + cv);
    }
    return Arrival.gamma(cv);
  }

  private static double positiveRate(MappingReader m, String key) throws PlanException {
    double rate = m.requiredNumber(key);
    if (!(rate > 0)) {
      throw m.errorAt(key, "must be a rate > 0 requests/s, got " + Nodes.describe(m.value(key)));
    }
    return rate;
  }

  private static double nonNegativeRate(MappingReader m, String key) throws PlanException {
    double rate = m.requiredNumber(key);
    if (rate < 0) {
      throw m.errorAt(key, "must be a rate >= 0 requests/s, got " + Nodes.describe(m.value(key)));
    }
    return rate;
  }

  private static Map<String, List<String>> typeKeys() {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("constant", List.of("rate", "duration"));
    keys.put("ramp", List.of("from", "to", "duration"));
    keys.put("stairs", List.of("from", "to", "steps", "step-duration"));
    return keys;
  }

  private static Set<String> allKeys() {
    Set<String> all = new LinkedHashSet<>(COMMON);
    TYPE_KEYS.values().forEach(all::addAll);
    return Collections.unmodifiableSet(all);
  }

  private static Map<String, Arrival.Kind> arrivals() {
    Map<String, Arrival.Kind> kinds = new LinkedHashMap<>();
    kinds.put("poisson", Arrival.Kind.POISSON);
    kinds.put("uniform", Arrival.Kind.UNIFORM);
    kinds.put("gamma", Arrival.Kind.GAMMA);
    return kinds;
  }

  private static Map<String, String> types() {
    Map<String, String> m = new LinkedHashMap<>();
    TYPE_KEYS.keySet().forEach(n -> m.put(n, n));
    return m;
  }
}
