package dev.harness.cost;

import static dev.harness.cost.CatalogReader.ACCELERATOR;
import static dev.harness.cost.CatalogReader.ACCELERATORS;
import static dev.harness.cost.CatalogReader.ACCELERATOR_MEMORY;
import static dev.harness.cost.CatalogReader.CUSTOM;
import static dev.harness.cost.CatalogReader.DISCOUNT;
import static dev.harness.cost.CatalogReader.EC2;
import static dev.harness.cost.CatalogReader.MEMORY;
import static dev.harness.cost.CatalogReader.PRICES;
import static dev.harness.cost.CatalogReader.PRICE_OF;
import static dev.harness.cost.CatalogReader.REGION;
import static dev.harness.cost.CatalogReader.SAGEMAKER;
import static dev.harness.cost.CatalogReader.SOURCE;
import static dev.harness.cost.CatalogReader.TAKEN;
import static dev.harness.cost.CatalogReader.VCPUS;

import dev.harness.config.Suggestions;
import dev.harness.cost.CatalogReader.CatalogFile;
import dev.harness.cost.CatalogReader.Located;
import dev.harness.cost.CatalogReader.TypeEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The instance catalog: hardware facts and prices by type name, read from one or more YAML files
 * (docs/cost.md). Later files override earlier ones key by key, so a user file can add types,
 * replace prices, set a {@code region}, a global or per-type {@code discount}, or a custom {@code
 * price-per-hour}:
 *
 * <pre>{@code
 * Catalog c = Catalog.load(Catalog.bundledFile(bases), Path.of("my-prices.yaml"));
 * double perHour = c.get("g5.2xlarge").hourlyPrice(Platform.SAGEMAKER);
 * }</pre>
 *
 * <p>Rules of the merge: a type's keys are replaced one by one; a file's {@code region}, {@code
 * taken} and {@code source} apply to the types whose prices that file sets; a per-type discount
 * wins over the global one, which is the last file's. A type with {@code price-of} stands for the
 * named type: it takes that type's facts unless it gives its own, and that type's prices and
 * discount unless it sets prices of its own; setting {@code price-of} again drops its own prices.
 * The named type must have prices of its own.
 */
public final class Catalog {
  /** The shipped catalog, relative to a base directory (working or install directory). */
  public static final String BUNDLED = "profiles/catalog/aws-us-east-1.yaml";

  private static final List<String> HARDWARE =
      List.of(ACCELERATOR, ACCELERATORS, ACCELERATOR_MEMORY, VCPUS, MEMORY);

  private final String region;
  private final Map<String, InstanceType> types;
  private final List<String> warnings;
  private final List<Path> files;

  private Catalog(
      String region, Map<String, InstanceType> types, List<String> warnings, List<Path> files) {
    this.region = region;
    this.types = Collections.unmodifiableMap(types);
    this.warnings = List.copyOf(warnings);
    this.files = List.copyOf(files);
  }

  /** Reads and merges {@code files} in order (later ones override). */
  public static Catalog load(Path... files) throws CatalogException {
    return load(Arrays.asList(files));
  }

  /** Reads and merges {@code files} in order (later ones override). */
  public static Catalog load(List<Path> files) throws CatalogException {
    if (files.isEmpty()) {
      throw new CatalogException(null, 0, 0, "catalog", "no catalog file given");
    }
    List<CatalogFile> read = new ArrayList<>();
    for (Path f : files) {
      read.add(CatalogReader.read(f));
    }
    return new Merge().apply(read).resolve(files);
  }

  /** The shipped catalog, found under the first of {@code bases} that has it, then overrides. */
  public static Catalog bundled(List<Path> bases, Path... overrides) throws CatalogException {
    List<Path> all = new ArrayList<>();
    all.add(bundledFile(bases));
    all.addAll(Arrays.asList(overrides));
    return load(all);
  }

  /**
   * Where the shipped catalog is: {@value #BUNDLED} under the first base directory that holds it
   * (the same search as simulator profiles: working directory, then install directory).
   */
  public static Path bundledFile(List<Path> bases) throws CatalogException {
    List<Path> tried = new ArrayList<>();
    for (Path base : bases) {
      Path p = base.resolve(BUNDLED);
      if (Files.isRegularFile(p)) {
        return p;
      }
      tried.add(p);
    }
    throw new CatalogException(null, 0, 0, "catalog", "the bundled catalog is missing; looked for "
        + tried);
  }

  /** The region of the catalog: the last one a file set, or null when none did. */
  public String region() {
    return region;
  }

  /** Every type in the order the files first named them. */
  public List<InstanceType> types() {
    return List.copyOf(types.values());
  }

  /** The type called {@code name}, if the catalog has it. */
  public Optional<InstanceType> find(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /**
   * The type called {@code name}.
   *
   * @throws IllegalArgumentException naming the type, with a close match when there is one
   */
  public InstanceType get(String name) {
    InstanceType t = types.get(name);
    if (t == null) {
      throw new IllegalArgumentException("instance type '" + name + "' is not in the catalog"
          + Suggestions.didYouMean(String.valueOf(name), types.keySet()) + " (catalog: "
          + files + ")");
    }
    return t;
  }

  /** Things the user should know, e.g. prices left from another region. */
  public List<String> warnings() {
    return warnings;
  }

  /** The files read, in order. */
  public List<Path> files() {
    return files;
  }

  /** The merge of the files' entries, before price-of is resolved. */
  private static final class Merge {
    private final Map<String, Map<String, Located>> drafts = new LinkedHashMap<>();
    private final Map<String, Located> lastEntry = new LinkedHashMap<>();
    private final Map<String, String> priceRegion = new LinkedHashMap<>();
    private String region;
    private Located globalDiscount;

    Merge apply(List<CatalogFile> files) {
      for (CatalogFile file : files) {
        Map<String, Located> s = file.settings();
        if (s.containsKey(REGION)) {
          region = (String) s.get(REGION).value();
        }
        if (s.containsKey(DISCOUNT)) {
          globalDiscount = s.get(DISCOUNT);
        }
        for (Map.Entry<String, TypeEntry> e : file.types().entrySet()) {
          merge(e.getKey(), e.getValue(), s);
        }
      }
      return this;
    }

    private void merge(String name, TypeEntry entry, Map<String, Located> settings) {
      Map<String, Located> draft = drafts.computeIfAbsent(name, n -> new LinkedHashMap<>());
      Map<String, Located> values = entry.values();
      boolean setsPrice = PRICES.stream().anyMatch(values::containsKey);
      if (values.containsKey(PRICE_OF) && !setsPrice) {
        // back to the named type's prices
        draft.keySet().removeAll(PRICES);
        draft.keySet().removeAll(List.of(TAKEN, SOURCE));
        priceRegion.remove(name);
      }
      draft.putAll(values);
      if (setsPrice) {
        priceRegion.put(name, region);
        for (String key : List.of(TAKEN, SOURCE)) {
          if (!values.containsKey(key) && settings.containsKey(key)) {
            draft.put(key, settings.get(key));
          }
        }
      }
      lastEntry.put(name, entry.at());
    }

    Catalog resolve(List<Path> files) throws CatalogException {
      Map<String, InstanceType> out = new LinkedHashMap<>();
      for (String name : drafts.keySet()) {
        out.put(name, resolve(name));
      }
      List<String> warnings = new ArrayList<>();
      TreeSet<String> otherRegion = new TreeSet<>();
      for (InstanceType t : out.values()) {
        if (region != null && t.region() != null && !region.equals(t.region())) {
          otherRegion.add(t.name() + " (" + t.region() + ")");
        }
      }
      if (!otherRegion.isEmpty()) {
        warnings.add("the catalog's region is " + region + " but " + otherRegion.size()
            + " types keep prices from another region: " + String.join(", ", otherRegion));
      }
      return new Catalog(region, out, warnings, files);
    }

    private InstanceType resolve(String name) throws CatalogException {
      Map<String, Located> own = drafts.get(name);
      Map<String, Located> prices = own;
      String pricesFrom = name;
      Located ref = own.get(PRICE_OF);
      Map<String, Located> real = null;
      if (ref != null) {
        String realName = (String) ref.value();
        real = drafts.get(realName);
        if (real == null || realName.equals(name)) {
          throw ref.error("no type '" + realName + "' to take facts and prices from"
              + Suggestions.didYouMean(realName, drafts.keySet()));
        }
        if (real.containsKey(PRICE_OF)) {
          throw ref.error("'" + realName + "' takes its prices from '"
              + real.get(PRICE_OF).value() + "' itself; name a type with prices of its own");
        }
        if (PRICES.stream().noneMatch(own::containsKey)) {
          prices = real;
          pricesFrom = realName;
        }
      }
      Map<String, Located> facts = new LinkedHashMap<>();
      if (real != null) {
        for (String key : HARDWARE) {
          if (real.containsKey(key)) {
            facts.put(key, real.get(key));
          }
        }
      }
      facts.putAll(own);
      Located discount =
          own.containsKey(DISCOUNT) ? own.get(DISCOUNT)
              : prices.containsKey(DISCOUNT) ? prices.get(DISCOUNT) : globalDiscount;
      Located at = lastEntry.get(name);
      try {
        return new InstanceType(
            name,
            (String) value(facts, ACCELERATOR),
            facts.containsKey(ACCELERATORS) ? (Integer) value(facts, ACCELERATORS) : 0,
            facts.containsKey(ACCELERATOR_MEMORY) ? (Double) value(facts, ACCELERATOR_MEMORY) : 0,
            required(facts, VCPUS, at, Integer.class),
            required(facts, MEMORY, at, Double.class),
            (Double) value(prices, EC2),
            (Double) value(prices, SAGEMAKER),
            (Double) value(prices, CUSTOM),
            discount == null ? 0 : (Double) discount.value(),
            priceRegion.get(pricesFrom),
            (LocalDate) value(prices, TAKEN),
            (String) value(prices, SOURCE),
            ref == null ? null : (String) ref.value());
      } catch (IllegalArgumentException e) {
        throw at.error(e.getMessage());
      }
    }

    private static Object value(Map<String, Located> values, String key) {
      Located l = values.get(key);
      return l == null ? null : l.value();
    }

    private static <T> T required(Map<String, Located> values, String key, Located at,
        Class<T> type) throws CatalogException {
      Object v = value(values, key);
      if (v == null) {
        throw at.error("a new type needs " + key + " (or price-of a type that has it)");
      }
      return type.cast(v);
    }
  }
}
