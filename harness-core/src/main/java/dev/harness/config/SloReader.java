package dev.harness.config;

import dev.harness.record.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads {@code slo:} into an {@link Slo}; no section means no objectives, default error rate. */
final class SloReader {
  private SloReader() {}

  private static final List<String> KEYS = List.of("objectives", "max-error-rate");
  private static final List<String> OBJECTIVE_KEYS = List.of("metric", "percentile", "threshold");
  private static final Map<String, Metric> METRICS = metrics();
  private static final Pattern P_FORM = Pattern.compile("[pP](\\d+(?:\\.\\d+)?)");

  static Slo read(Path file, MappingReader plan, ProtocolKind protocol) throws PlanException {
    MappingReader m = plan.mapping("slo", "service-level objectives");
    if (m == null) {
      return new Slo(List.of(), Defaults.MAX_ERROR_RATE);
    }
    m.allowOnly(KEYS);
    List<Objective> objectives = new ArrayList<>();
    List<Node> items = m.list("objectives");
    for (int i = 0; items != null && i < items.size(); i++) {
      String path = m.field("objectives") + "[" + i + "]";
      MappingReader o = MappingReader.of(file, items.get(i), path, "an objective");
      objectives.add(objective(o, protocol));
    }
    Double maxErrorRate = m.number("max-error-rate");
    if (maxErrorRate != null && !(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw m.errorAt("max-error-rate", "must be a share from 0 to 1 (0.01 is 1%), got "
          + Nodes.describe(m.value("max-error-rate")));
    }
    return new Slo(objectives, maxErrorRate == null ? Defaults.MAX_ERROR_RATE : maxErrorRate);
  }

  private static Objective objective(MappingReader o, ProtocolKind protocol) throws PlanException {
    o.allowOnly(OBJECTIVE_KEYS);
    Metric metric = o.requiredChoice("metric", METRICS);
    if (metric != Metric.E2E && !protocol.isLlm()) {
      throw o.errorAt("metric", "'" + metric.tag() + "' needs an LLM protocol (openai-chat, "
          + "openai-completions or triton-generate); " + protocol.yamlName() + " has only e2e");
    }
    double percentile = percentile(o);
    Duration threshold = o.requiredPositiveDuration("threshold");
    try {
      return new Objective(metric, percentile, threshold);
    } catch (IllegalArgumentException e) {
      throw o.error(e.getMessage());
    }
  }

  /** A number in (0, 100), written {@code 99}, {@code 99.9}, {@code p99} or {@code p99.9}. */
  private static double percentile(MappingReader o) throws PlanException {
    Node node = o.required("percentile");
    String field = o.field("percentile");
    double p;
    if (node instanceof ScalarNode && Tag.STR.equals(node.getTag())) {
      Matcher pm = P_FORM.matcher(((ScalarNode) node).getValue().strip());
      if (!pm.matches()) {
        throw o.errorAt("percentile", "expected a percentile such as 99, 99.9, p99 or p99.9, got "
            + Nodes.describe(node));
      }
      p = Double.parseDouble(pm.group(1));
    } else {
      p = Nodes.number(o.file(), node, field);
    }
    if (!(p > 0 && p < 100)) {
      throw o.errorAt("percentile", "must be between 0 and 100, both excluded, got "
          + Nodes.describe(node));
    }
    return p;
  }

  private static Map<String, Metric> metrics() {
    Map<String, Metric> m = new LinkedHashMap<>();
    for (Metric metric : List.of(Metric.E2E, Metric.TTFT, Metric.ITL, Metric.TPOT)) {
      m.put(metric.tag(), metric);
    }
    return m;
  }
}
