package dev.harness.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One reading of one recommend plan (docs/recommend.md): the sections a plan shares with every
 * candidate through {@link PlanReader#common}, then {@code traffic}, {@code platform}, {@code
 * catalog}, {@code parallel} and {@code candidates}.
 */
final class RecommendReader {
  static final List<String> KEYS = List.of("name", "payloads", "slo", "limits", "capacity",
      "seed", "output", "traffic", "platform", "catalog", "parallel", "candidates");
  static final List<String> TRAFFIC_KEYS = List.of("steady", "peak", "peak-hours-per-day",
      "growth", "min-instances", "redundancy");
  static final List<String> CANDIDATE_KEYS = List.of("name", "instance-type", "copies",
      "gpus-per-copy", "instances", "target", "metrics", "notes", "incompatible", "sim",
      "sim-speedup");

  /** {@code traffic.peak-hours-per-day} when absent. */
  static final double DEFAULT_PEAK_HOURS = 8;

  private static final Map<String, PlatformKind> PLATFORMS = platforms();
  private static final Pattern RATE =
      Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*/\\s*(s|sec|min|h)");

  private final PlanReader reader;
  private final Path file;

  RecommendReader(PlanReader reader, Path file) {
    this.reader = reader;
    this.file = file;
  }

  LoadedRecommendPlan read(String yaml) throws PlanException {
    MappingReader root = reader.root(yaml);
    if (!root.has("candidates") && root.has("target")) {
      throw root.errorAtKey("target", "this is a plan for harness run or harness capacity (one "
          + "target, no candidates); harness recommend needs candidates: a list of deployments, "
          + "each with its target or sim (docs/recommend.md)");
    }
    root.allowOnly(KEYS);
    String name = root.has("name") ? root.requiredText("name") : reader.nameFromFile();
    List<CandidateSpec> candidates = candidates(root);
    Target shared = sharedTarget(root, candidates);
    Plan base = reader.common(root, name, shared, () -> null, () -> List.of());
    TrafficSpec traffic = traffic(
        MappingReader.of(file, root.required("traffic"), "traffic", "the declared traffic"));
    PlatformKind platform = root.choice("platform", PLATFORMS, PlatformKind.SAGEMAKER);
    List<Path> catalogs = catalogs(root);
    boolean parallel = root.bool("parallel", false);
    if (parallel) {
      checkParallel(root, candidates);
    }
    for (CandidateSpec c : candidates) {
      if (c.target() != null && !c.simulated() && !c.declaredIncompatible()) {
        reader.warnAboutUnsetVariables(c.target());
      }
    }
    return new LoadedRecommendPlan(
        new RecommendPlan(base, traffic, platform, catalogs, parallel, candidates),
        reader.warnings());
  }

  private List<CandidateSpec> candidates(MappingReader root) throws PlanException {
    List<Node> items = Nodes.list(file, root.required("candidates"), "candidates");
    if (items.isEmpty()) {
      throw root.errorAt("candidates", "lists no candidate; give at least one deployment");
    }
    List<CandidateSpec> out = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      MappingReader m = MappingReader.of(file, items.get(i), "candidates[" + i + "]",
          "a candidate (name, instance-type, target or sim, ...)");
      CandidateSpec c = candidate(m);
      Integer first = names.putIfAbsent(c.name(), i);
      if (first != null) {
        throw m.errorAt(m.has("name") ? "name" : m.has("sim") ? "sim" : "instance-type",
            "candidate name '" + c.name() + "' is already used by candidates[" + first
                + "]; give each a distinct name:");
      }
      out.add(c);
    }
    return out;
  }

  private CandidateSpec candidate(MappingReader m) throws PlanException {
    m.allowOnly(CANDIDATE_KEYS);
    String sim = m.text("sim");
    String incompatible = m.text("incompatible");
    String type = m.text("instance-type");
    if (type == null && sim == null) {
      throw m.errorAtKey("instance-type", "is required (the catalog type that prices this "
          + "candidate, e.g. g5.2xlarge)");
    }
    if (type == null) {
      type = simName(sim);
    }
    String name = m.has("name") ? m.requiredText("name") : sim != null ? simName(sim) : type;
    if (sim == null && m.has("sim-speedup")) {
      throw m.errorAtKey("sim-speedup", "applies only to a candidate with sim:");
    }
    Double speedup = m.number("sim-speedup");
    if (speedup != null && !(speedup > 0)) {
      throw m.errorAt("sim-speedup", "must be > 0 (4 runs the simulator 4x faster), got "
          + Nodes.describe(m.value("sim-speedup")));
    }
    Long gpus = m.wholeNumber("gpus-per-copy");
    if (gpus != null && (gpus < 0 || gpus > 1024)) {
      throw m.errorAt("gpus-per-copy", "must be a whole number from 0 (a CPU model) to 1024, got "
          + gpus);
    }
    Integer copies = m.positiveInt("copies");
    Integer instances = m.positiveInt("instances");
    Target target = target(m, sim, incompatible);
    MetricsSpec metrics = target == null ? null : MetricsReader.read(m, target);
    return new CandidateSpec(name, type, copies == null ? 1 : copies,
        gpus == null ? null : gpus.intValue(), instances == null ? 1 : instances, target,
        metrics, sim, speedup == null ? 1 : speedup, incompatible, m.text("notes"));
  }

  /**
   * The candidate's target: as written; for a sim candidate the address is a placeholder (only
   * the protocol and path count) and the default is a streamed openai-chat.
   */
  private Target target(MappingReader m, String sim, String incompatible) throws PlanException {
    if (!m.has("target")) {
      if (sim != null) {
        return new Target(ProtocolKind.OPENAI_CHAT,
            Urls.complete(CandidateSpec.SIM_PLACEHOLDER, ProtocolKind.OPENAI_CHAT), null, true,
            Defaults.METHOD, Defaults.CONTENT_TYPE, Map.of(), Map.of(), null,
            Defaults.CONNECTION_PER_REQUEST, null, null);
      }
      if (incompatible == null) {
        throw m.error("needs target: (an endpoint), sim: (a simulated instance) or "
            + "incompatible: (why it cannot run the model)");
      }
      return null;
    }
    MappingReader t = MappingReader.of(file, m.value("target"), m.field("target"), "the target");
    URI override = sim != null && !t.has("url") ? CandidateSpec.SIM_PLACEHOLDER : null;
    Target target = TargetReader.read(t, override, reader.warnings());
    if (sim != null && target.protocol().isSageMaker()) {
      throw t.errorAt("protocol", "a sim candidate is reached over plain HTTP; the "
          + target.protocol().yamlName() + " protocol needs a SageMaker endpoint (use "
          + "openai-chat, openai-completions, http or the triton protocols)");
    }
    return target;
  }

  /**
   * The target the shared sections are read against: the first runnable candidate's. Every
   * runnable candidate must be of the same kind (LLM or not), since SLO and capacity settings
   * are shared.
   */
  private Target sharedTarget(MappingReader root, List<CandidateSpec> candidates)
      throws PlanException {
    Target first = null;
    String firstName = null;
    for (CandidateSpec c : candidates) {
      if (c.target() == null || c.declaredIncompatible()) {
        continue;
      }
      if (first == null) {
        first = c.target();
        firstName = c.name();
      } else if (first.protocol().isLlm() != c.target().protocol().isLlm()) {
        throw root.errorAt("candidates", "candidates " + firstName + " ("
            + first.protocol().yamlName() + ") and " + c.name() + " ("
            + c.target().protocol().yamlName() + ") mix LLM and non-LLM protocols; the SLO and "
            + "the capacity settings are shared, so put them in two recommend plans");
      }
    }
    if (first != null) {
      return first;
    }
    for (CandidateSpec c : candidates) {
      if (c.target() != null) {
        return c.target();
      }
    }
    return new Target(ProtocolKind.OPENAI_CHAT,
        Urls.complete(CandidateSpec.SIM_PLACEHOLDER, ProtocolKind.OPENAI_CHAT), null, true,
        Defaults.METHOD, Defaults.CONTENT_TYPE, Map.of(), Map.of(), null, false, null, null);
  }

  private TrafficSpec traffic(MappingReader m) throws PlanException {
    m.allowOnly(TRAFFIC_KEYS);
    double steady = rate(m, "steady", m.required("steady"));
    double peak = m.has("peak") ? rate(m, "peak", m.value("peak")) : steady;
    if (!(peak > 0)) {
      throw m.errorAt(m.has("peak") ? "peak" : "steady", "the peak rate must be > 0");
    }
    if (peak < steady) {
      throw m.errorAt("peak", "must be at least the steady rate (" + rateText(steady)
          + "), got " + rateText(peak));
    }
    Double hours = m.number("peak-hours-per-day");
    if (hours != null && !(hours >= 0 && hours <= 24)) {
      throw m.errorAt("peak-hours-per-day", "must be from 0 to 24, got "
          + Nodes.describe(m.value("peak-hours-per-day")));
    }
    Double growth = m.number("growth");
    if (growth != null && !(growth > -1)) {
      throw m.errorAt("growth", "is a yearly fraction > -1 (0.3 for 30 % more traffic), got "
          + Nodes.describe(m.value("growth")));
    }
    Integer min = m.positiveInt("min-instances");
    Long redundancy = m.wholeNumber("redundancy");
    if (redundancy != null && (redundancy < 0 || redundancy > 1000)) {
      throw m.errorAt("redundancy", "is k of N+k, a whole number from 0 to 1000, got "
          + redundancy);
    }
    return new TrafficSpec(steady, peak, hours == null ? DEFAULT_PEAK_HOURS : hours,
        growth == null ? 0 : growth, min == null ? 1 : min,
        redundancy == null ? 1 : redundancy.intValue());
  }

  /** A rate in requests/s: {@code 80/min}, {@code 1.5/s}, {@code 3000/h}, or a bare number (/s). */
  private double rate(MappingReader m, String key, Node node) throws PlanException {
    String field = m.field(key);
    double perSec;
    if (node instanceof ScalarNode && (Tag.INT.equals(node.getTag())
        || Tag.FLOAT.equals(node.getTag()))) {
      perSec = Nodes.number(file, node, field);
    } else {
      String text = Nodes.nonBlankText(file, node, field).replace(" ", "");
      Matcher matcher = RATE.matcher(text);
      if (!matcher.matches()) {
        throw Nodes.error(file, node, field, "expected a rate such as 80/min, 1.5/s or 3000/h "
            + "(a bare number is requests/s), got " + Nodes.describe(node));
      }
      double value = Double.parseDouble(matcher.group(1));
      String unit = matcher.group(2);
      perSec = unit.equals("min") ? value / 60 : unit.equals("h") ? value / 3600 : value;
    }
    if (!(perSec >= 0) || Double.isInfinite(perSec)) {
      throw Nodes.error(file, node, field, "must be >= 0 requests/s, got " + Nodes.describe(node));
    }
    return perSec;
  }

  private List<Path> catalogs(MappingReader root) throws PlanException {
    Node node = root.value("catalog");
    if (node == null) {
      return List.of();
    }
    List<Node> items = node instanceof SequenceNode ? Nodes.list(file, node, "catalog")
        : List.of(node);
    Path dir = file.getParent() != null ? file.getParent() : Path.of("");
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String field = node instanceof SequenceNode ? "catalog[" + i + "]" : "catalog";
      String text = Nodes.nonBlankText(file, items.get(i), field);
      Path p;
      try {
        p = dir.resolve(text).normalize();
      } catch (InvalidPathException e) {
        throw Nodes.error(file, items.get(i), field, "not a valid path: " + e.getReason());
      }
      if (!Files.isRegularFile(p)) {
        throw Nodes.error(file, items.get(i), field, p + " does not exist or is not a file "
            + "(relative paths start at the plan's directory)");
      }
      out.add(p);
    }
    return out;
  }

  private static void checkParallel(MappingReader root, List<CandidateSpec> candidates)
      throws PlanException {
    Map<String, String> seen = new HashMap<>();
    for (CandidateSpec c : candidates) {
      if (c.declaredIncompatible() || c.target() == null) {
        continue;
      }
      if (c.simulated()) {
        throw root.errorAt("parallel", "true needs distinct endpoints, but " + c.name()
            + " is simulated on this machine (candidates would share its CPU); run sim "
            + "candidates one after another (parallel: false)");
      }
      String endpoint = c.target().sageMaker() != null ? c.target().url().toString()
          : c.target().url().getScheme() + "://" + c.target().url().getRawAuthority();
      String other = seen.putIfAbsent(endpoint, c.name());
      if (other != null) {
        throw root.errorAt("parallel", "true needs distinct endpoints, but " + other + " and "
            + c.name() + " both use " + endpoint);
      }
    }
  }

  /** {@code sim-g5.2xlarge} from a name or from a path such as {@code profiles/sim/x.yaml}. */
  static String simName(String sim) {
    String s = sim.replace('\\', '/');
    s = s.substring(s.lastIndexOf('/') + 1);
    return s.endsWith(".yaml") ? s.substring(0, s.length() - ".yaml".length()) : s;
  }

  private static Map<String, PlatformKind> platforms() {
    Map<String, PlatformKind> m = new LinkedHashMap<>();
    for (PlatformKind p : PlatformKind.values()) {
      m.put(p.key(), p);
    }
    return m;
  }

  private static String rateText(double perSec) {
    return String.format(java.util.Locale.ROOT, "%.4g requests/s", perSec);
  }
}
