package dev.harness.sim;

import dev.harness.config.DurationParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Finds and reads simulator profiles ({@code profiles/sim/<name>.yaml}). A name resolves against
 * the given base directories in order (typically the working directory, then the install
 * directory); anything containing a path separator or ending in {@code .yaml} is a path.
 *
 * <pre>{@code
 * SimProfile p = SimProfiles.resolve("sim-g5.2xlarge", List.of(Path.of(""), installDir));
 * }</pre>
 *
 * Unknown keys are errors, so a typo cannot fall back to a default silently.
 */
public final class SimProfiles {
  private SimProfiles() {}

  /** The directory below a base directory that holds simulator profiles. */
  public static final String DIRECTORY = "profiles/sim";

  private static final Set<String> TOP =
      Set.of("name", "kind", "description", "instance", "price-per-hour", "speedup",
          "incompatible", "model");
  private static final Set<String> INSTANCE =
      Set.of("type", "accelerator", "accelerators", "accelerator-memory-gib", "vcpus",
          "memory-gib");
  private static final Set<String> LLM =
      Set.of("name", "weights-gib", "gpu-memory-utilization", "kv-bytes-per-token",
          "load-overhead-gib", "decode-base", "decode-per-sequence", "prefill-per-token",
          "max-batch", "default-output-tokens", "output-tokens");
  private static final Set<String> CLASSIC =
      Set.of("name", "servers", "service-time", "mean", "sigma");

  /** Resolves a profile name or path. */
  public static SimProfile resolve(String nameOrPath, List<Path> bases)
      throws SimProfileException {
    if (nameOrPath == null || nameOrPath.isBlank()) {
      throw new SimProfileException("a profile name or path is required, e.g. sim-g5.2xlarge");
    }
    if (nameOrPath.contains("/") || nameOrPath.contains("\\") || nameOrPath.endsWith(".yaml")) {
      return load(Path.of(nameOrPath));
    }
    List<Path> tried = new ArrayList<>();
    for (Path base : bases) {
      Path candidate = base.resolve(DIRECTORY).resolve(nameOrPath + ".yaml");
      if (Files.isRegularFile(candidate)) {
        return load(candidate);
      }
      tried.add(candidate);
    }
    Set<String> known = new TreeSet<>();
    for (Path base : bases) {
      known.addAll(names(base.resolve(DIRECTORY)));
    }
    throw new SimProfileException(
        "no simulator profile '" + nameOrPath + "' (looked for " + tried + ")"
            + (known.isEmpty() ? "" : "; known profiles: " + String.join(", ", known)));
  }

  /** Names of the profiles in {@code dir} (file names without .yaml). */
  public static List<String> names(Path dir) {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (var files = Files.list(dir)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted()
          .forEach(out::add);
    } catch (IOException e) {
      // an unreadable directory lists nothing
    }
    return out;
  }

  /** Reads one profile file. */
  public static SimProfile load(Path file) throws SimProfileException {
    Object root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
    } catch (IOException e) {
      throw new SimProfileException(file + ": cannot read: " + e.getMessage());
    } catch (YAMLException e) {
      throw new SimProfileException(file + ": not valid YAML: " + e.getMessage());
    }
    Fields top = Fields.of(file, "", root, TOP);
    String fileName = file.getFileName().toString().replaceFirst("\\.yaml$", "");
    try {
      String kind = top.string("kind", null);
      Fields instance = top.child("instance", INSTANCE);
      SimProfile.Instance facts =
          new SimProfile.Instance(
              instance.string("type", "unknown"),
              instance.string("accelerator", "none"),
              instance.integer("accelerators", 0),
              instance.number("accelerator-memory-gib", 0),
              instance.integer("vcpus", 0),
              instance.number("memory-gib", 0));
      SimProfile.Llm llm = null;
      SimProfile.Classic classic = null;
      if ("llm".equals(kind)) {
        Fields m = top.child("model", LLM);
        llm =
            new SimProfile.Llm(
                m.string("name", "sim-llm"),
                m.number("weights-gib", Double.NaN),
                m.number("gpu-memory-utilization", 0.9),
                (long) m.number("kv-bytes-per-token", Double.NaN),
                m.number("load-overhead-gib", 0),
                m.duration("decode-base", null),
                m.duration("decode-per-sequence", Duration.ZERO),
                m.duration("prefill-per-token", Duration.ZERO),
                m.integer("max-batch", 256),
                m.integer("default-output-tokens", 128),
                m.integer("output-tokens", 0));
      } else if ("classic".equals(kind)) {
        Fields m = top.child("model", CLASSIC);
        classic =
            new SimProfile.Classic(
                m.string("name", "sim-classic"),
                m.integer("servers", 1),
                m.string("service-time", "exponential"),
                m.duration("mean", null),
                m.number("sigma", 0.5));
      } else {
        throw new SimProfileException(
            file + ": kind: must be llm or classic, got " + (kind == null ? "nothing" : kind));
      }
      return new SimProfile(
          top.string("name", fileName),
          top.string("description", ""),
          facts,
          top.number("price-per-hour", 0),
          top.number("speedup", 1),
          top.string("incompatible", null),
          llm,
          classic);
    } catch (IllegalArgumentException e) {
      throw new SimProfileException(file + ": " + e.getMessage());
    }
  }

  /** A YAML mapping with its dotted path, for messages that name the field. */
  private static final class Fields {
    private final Path file;
    private final String path;
    private final Map<?, ?> map;

    private Fields(Path file, String path, Map<?, ?> map) {
      this.file = file;
      this.path = path;
      this.map = map;
    }

    static Fields of(Path file, String path, Object node, Set<String> allowed)
        throws SimProfileException {
      if (!(node instanceof Map)) {
        throw new SimProfileException(
            file + ": " + (path.isEmpty() ? "the file" : path) + " must be a mapping");
      }
      Map<?, ?> map = (Map<?, ?>) node;
      for (Object key : map.keySet()) {
        if (!allowed.contains(String.valueOf(key))) {
          throw new SimProfileException(
              file + ": " + path + key + ": unknown field; expected one of "
                  + new TreeSet<>(allowed));
        }
      }
      return new Fields(file, path, map);
    }

    Fields child(String key, Set<String> allowed) throws SimProfileException {
      Object node = map.get(key);
      if (node == null) {
        throw new SimProfileException(file + ": " + path + key + ": required");
      }
      return of(file, path + key + ".", node, allowed);
    }

    String string(String key, String fallback) {
      Object v = map.get(key);
      return v == null ? fallback : String.valueOf(v);
    }

    double number(String key, double fallback) {
      Object v = map.get(key);
      if (v == null) {
        if (Double.isNaN(fallback)) {
          throw new IllegalArgumentException(path + key + ": required");
        }
        return fallback;
      }
      if (!(v instanceof Number)) {
        throw new IllegalArgumentException(path + key + ": must be a number, got '" + v + "'");
      }
      return ((Number) v).doubleValue();
    }

    int integer(String key, int fallback) {
      Object v = map.get(key);
      if (v == null) {
        return fallback;
      }
      if (!(v instanceof Integer)) {
        throw new IllegalArgumentException(path + key + ": must be a whole number, got '" + v
            + "'");
      }
      return (Integer) v;
    }

    Duration duration(String key, Duration fallback) {
      Object v = map.get(key);
      if (v == null) {
        if (fallback == null) {
          throw new IllegalArgumentException(path + key + ": required (a duration, e.g. 25ms)");
        }
        return fallback;
      }
      try {
        return DurationParser.parse(String.valueOf(v));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path + key + ": " + e.getMessage());
      }
    }
  }
}
