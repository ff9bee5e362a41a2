package dev.harness.config;

import java.nio.file.Path;

/**
 * A test plan that cannot be used, located as precisely as the YAML allows ({@link
 * LocatedException}'s one-line shape), e.g. {@code plans/smoke.yaml:12:11: phases[0].rate: must
 * be > 0 requests/s, got -5}. No file when the problem is not in one (an override given on the
 * command line, a secret resolved at run start).
 */
public final class PlanException extends LocatedException {
  private static final long serialVersionUID = 1L;

  /**
   * @param file the plan file, or null when the problem is not in a file
   * @param line 1-based line, 0 when unknown
   * @param column 1-based column, 0 when unknown
   * @param field path of the offending field
   * @param problem what is wrong, one line
   */
  public PlanException(Path file, int line, int column, String field, String problem) {
    super(file, line, column, field, problem);
  }
}
