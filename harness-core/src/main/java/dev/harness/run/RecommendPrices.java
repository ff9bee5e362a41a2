package dev.harness.run;

import dev.harness.config.CandidateSpec;
import dev.harness.config.PlanException;
import dev.harness.config.RecommendPlan;
import dev.harness.cost.Catalog;
import dev.harness.cost.CatalogException;
import dev.harness.cost.InstanceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog facts of a recommend plan's candidates: the bundled catalog (found under {@code
 * bases}) with the plan's own catalog files over it, every candidate's instance type checked to be
 * there with a price for the plan's platform, before anything runs.
 *
 * <p>GPUs per copy default to the type's accelerators ÷ copies (at least 1 on a GPU type, 0 on a
 * CPU type), so a g5.12xlarge with one copy counts 4 GPUs per copy and with four copies 1.
 */
public final class RecommendPrices {
  private final Catalog catalog;
  private final Map<String, InstanceType> types;
  private final Map<String, Double> prices;

  private RecommendPrices(Catalog catalog, Map<String, InstanceType> types,
      Map<String, Double> prices) {
    this.catalog = catalog;
    this.types = types;
    this.prices = prices;
  }

  /**
   * Loads the catalog and prices every candidate.
   *
   * @throws CatalogException when a catalog file is invalid
   * @throws PlanException naming {@code candidates[i].instance-type} when a type is unknown or
   *     has no price on the platform
   */
  public static RecommendPrices of(RecommendPlan plan, List<Path> bases)
      throws CatalogException, PlanException {
    List<Path> files = new ArrayList<>();
    files.add(Catalog.bundledFile(bases));
    files.addAll(plan.catalogFiles());
    Catalog catalog = Catalog.load(files);
    Map<String, InstanceType> types = new LinkedHashMap<>();
    Map<String, Double> prices = new LinkedHashMap<>();
    for (int i = 0; i < plan.candidates().size(); i++) {
      CandidateSpec c = plan.candidates().get(i);
      try {
        InstanceType t = catalog.get(c.instanceType());
        prices.put(c.name(), t.hourlyPrice(CostInputs.platform(plan.platform())));
        types.put(c.name(), t);
      } catch (IllegalArgumentException e) {
        throw new PlanException(plan.base().source(), 0, 0,
            "candidates[" + i + "].instance-type", e.getMessage());
      }
    }
    return new RecommendPrices(catalog, types, prices);
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The catalog entry of {@code c}'s instance type. */
  public InstanceType type(CandidateSpec c) {
    return require(types, c);
  }

  /** Price of one instance of {@code c} on the plan's platform, $/h. */
  public double pricePerHour(CandidateSpec c) {
    return require(prices, c);
  }

  /** GPUs per model copy: the plan's, else the type's accelerators ÷ copies. */
  public int gpusPerCopy(CandidateSpec c) {
    if (c.gpusPerCopy() != null) {
      return c.gpusPerCopy();
    }
    int accelerators = type(c).accelerators();
    return accelerators == 0 ? 0 : Math.max(1, accelerators / c.copies());
  }

  private static <T> T require(Map<String, T> m, CandidateSpec c) {
    T v = m.get(c.name());
    if (v == null) {
      throw new IllegalArgumentException("candidate " + c.name() + " is not in this plan");
    }
    return v;
  }
}
