package dev.harness.cost;

import dev.harness.config.LocatedException;
import java.nio.file.Path;

/**
 * An instance catalog file that cannot be used, located as precisely as the YAML allows, in the
 * same one-line shape as a plan error ({@link LocatedException}), e.g. {@code my-prices.yaml:7:19:
 * types.g5.2xlarge.discount: must be from 0 (inclusive) to 1 (exclusive), got 1.5}.
 */
public final class CatalogException extends LocatedException {
  private static final long serialVersionUID = 1L;

  /**
   * @param file the catalog file, or null when the problem is not in one file
   * @param line 1-based line, 0 when unknown (negative values count as unknown)
   * @param column 1-based column, 0 when unknown (negative values count as unknown)
   * @param field dotted path of the offending field, e.g. {@code types.g5.xlarge.vcpus}
   * @param problem what is wrong
   */
  public CatalogException(Path file, int line, int column, String field, String problem) {
    super(file, Math.max(0, line), Math.max(0, column), field, problem);
  }
}
