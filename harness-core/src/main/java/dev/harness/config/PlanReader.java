package dev.harness.config;

import dev.harness.payload.Sampling;
import dev.harness.traffic.Phase;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One reading of one plan: YAML text to node tree to records, section by section, collecting
 * warnings. Not reused; {@link PlanLoader} makes one per call.
 */
final class PlanReader {
  private static final List<String> KEYS =
      List.of(
          "name", "target", "payloads", "phases", "slo", "limits", "capacity", "seed", "output",
          "metrics");
  private static final List<String> PAYLOAD_KEYS =
      List.of("file", "sampling", "salt-prompts", "skip-bad-lines");
  private static final Map<String, Sampling> SAMPLINGS = samplings();

  private final Path file;
  private final PlanOverrides overrides;
  private final Map<String, String> environment;
  private final List<String> warnings = new ArrayList<>();

  PlanReader(Path file, PlanOverrides overrides, Map<String, String> environment) {
    this.file = file;
    this.overrides = overrides;
    this.environment = environment;
  }

  LoadedPlan read(String yaml) throws PlanException {
    MappingReader root = root(yaml);
    if (root.has("candidates")) {
      throw root.errorAtKey("candidates", "this is a recommend plan (it lists candidates); "
          + "run it with harness recommend, or give harness run / harness capacity a plan with "
          + "one target");
    }
    root.allowOnly(KEYS);
    String name = root.has("name") ? root.requiredText("name") : nameFromFile();
    Target target = TargetReader.read(
        MappingReader.of(file, root.required("target"), "target", "the target"),
        overrides.url(),
        warnings);
    // a plan made for harness capacity needs no phases; harness run then says so
    Plan plan = common(root, name, target, () -> MetricsReader.read(root, target),
        () -> !root.has("phases") && root.has("capacity") && !overrides.replacesPhases()
            ? List.of()
            : PhaseOverride.apply(PhaseReader.read(file, root), overrides));
    warnAboutUnsetVariables(target);
    return new LoadedPlan(plan, warnings);
  }

  /** The top-level mapping of {@code yaml}, keys not yet checked. */
  MappingReader root(String yaml) throws PlanException {
    return MappingReader.of(file, compose(yaml), "", "a plan");
  }

  /** Warnings found so far, in order. */
  List<String> warnings() {
    return warnings;
  }

  /** The command-line overrides this reading applies. */
  PlanOverrides overrides() {
    return overrides;
  }

  /** A section read after the payloads and the capacity settings (keeps the order of errors). */
  interface Section<T> {
    T read() throws PlanException;
  }

  /**
   * The sections every kind of plan shares, read from {@code root} around the given target:
   * payloads, capacity, metrics, phases, slo, limits, seed and output (overrides applied).
   */
  Plan common(MappingReader root, String name, Target target, Section<MetricsSpec> metricsSection,
      Section<List<Phase>> phasesSection) throws PlanException {
    PayloadSpec payloads =
        payloads(MappingReader.of(file, root.required("payloads"), "payloads", "the payload set"));
    CapacitySpec capacity = CapacityReader.read(root, target.protocol().isLlm());
    MetricsSpec metrics = metricsSection.read();
    List<Phase> phases = phasesSection.read();
    Slo slo = SloReader.read(file, root, target.protocol());
    Limits limits = LimitsReader.read(root, phases, warnings);
    long seed = overrides.seed() != null ? overrides.seed() : seed(root);
    Path output = overrides.outputDir() != null ? overrides.outputDir() : output(root);
    return new Plan(
        file, name, target, payloads, phases, slo, limits, seed, output, capacity, metrics);
  }

  private Node compose(String yaml) throws PlanException {
    Node node;
    try {
      node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = "YAML syntax error: " + (e.getProblem() != null ? e.getProblem() : "")
          + (e.getContext() != null ? " (" + e.getContext() + ")" : "");
      if (mark == null) {
        throw new PlanException(file, 0, 0, PlanException.DOCUMENT, problem);
      }
      throw new PlanException(
          file, mark.getLine() + 1, mark.getColumn() + 1, PlanException.DOCUMENT, problem);
    } catch (YAMLException e) {
      throw new PlanException(file, 0, 0, PlanException.DOCUMENT, "YAML error: " + e.getMessage());
    }
    if (node == null) {
      throw new PlanException(file, 1, 1, PlanException.DOCUMENT,
          "the plan is empty; it needs at least target, payloads and phases");
    }
    return node;
  }

  String nameFromFile() {
    Path fileName = file.getFileName();
    String n = fileName == null ? "plan" : fileName.toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private PayloadSpec payloads(MappingReader m) throws PlanException {
    m.allowOnly(PAYLOAD_KEYS);
    String text = m.requiredText("file");
    Path base = file.getParent() != null ? file.getParent() : Path.of("");
    Path payloadFile;
    try {
      payloadFile = base.resolve(text).normalize();
    } catch (InvalidPathException e) {
      throw m.errorAt("file", "not a valid path: " + e.getReason());
    }
    if (Files.isDirectory(payloadFile)) {
      throw m.errorAt("file", payloadFile + " is a directory, not a JSONL file");
    }
    if (!Files.isRegularFile(payloadFile)) {
      throw m.errorAt("file", payloadFile + " does not exist (relative paths start at the "
          + "plan's directory)");
    }
    if (!Files.isReadable(payloadFile)) {
      throw m.errorAt("file", payloadFile + " is not readable");
    }
    return new PayloadSpec(
        payloadFile,
        m.choice("sampling", SAMPLINGS, Defaults.SAMPLING),
        m.bool("salt-prompts", Defaults.SALT_PROMPTS),
        m.bool("skip-bad-lines", Defaults.SKIP_BAD_LINES));
  }

  private static long seed(MappingReader root) throws PlanException {
    Long seed = root.wholeNumber("seed");
    return seed != null ? seed : Defaults.SEED;
  }

  private static Path output(MappingReader root) throws PlanException {
    String text = root.text("output");
    if (text == null) {
      return Defaults.OUTPUT_DIR;
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw root.errorAt("output", "not a valid path: " + e.getReason());
    }
  }

  void warnAboutUnsetVariables(Target target) {
    target.headersFromEnv().forEach(
        (header, variable) -> warnIfUnset("target.headers-from-env." + header, variable));
    if (target.bearerTokenEnv() != null) {
      warnIfUnset("target.auth.bearer-token-env", target.bearerTokenEnv());
    }
  }

  private void warnIfUnset(String field, String variable) {
    String value = environment.get(variable);
    if (value == null || value.isEmpty()) {
      warnings.add(field + ": environment variable " + variable
          + " is not set here; the run will fail at start unless it is set there");
    }
  }

  private static Map<String, Sampling> samplings() {
    Map<String, Sampling> m = new LinkedHashMap<>();
    for (Sampling s : Sampling.values()) {
      m.put(s.name().toLowerCase(Locale.ROOT), s);
    }
    return m;
  }
}
