package dev.harness.cost;

import java.nio.file.Path;

/**
 * An instance catalog file that cannot be used, located as precisely as the YAML allows.
 *
 * <p>The message is one line, {@code <file>:<line>:<column>: <field>: <problem>}, the same shape
 * as a plan error, e.g. {@code my-prices.yaml:7:19: types.g5.2xlarge.discount: must be from 0
 * (inclusive) to 1 (exclusive), got 1.5}. Parts that are unknown are left out.
 */
public final class CatalogException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Field path used when the problem is the file as a whole. */
  public static final String DOCUMENT = "(document)";

  private final transient Path file;
  private final int line;
  private final int column;
  private final String field;
  private final String problem;

  /**
   * @param file the catalog file, or null when the problem is not in one file
   * @param line 1-based line, 0 when unknown
   * @param column 1-based column, 0 when unknown
   * @param field dotted path of the offending field, e.g. {@code types.g5.xlarge.vcpus}
   * @param problem what is wrong
   */
  public CatalogException(Path file, int line, int column, String field, String problem) {
    super(format(file, line, column, field, problem));
    this.file = file;
    this.line = Math.max(0, line);
    this.column = Math.max(0, column);
    this.field = field == null || field.isEmpty() ? DOCUMENT : field;
    this.problem = oneLine(problem);
  }

  private static String format(Path file, int line, int column, String field, String problem) {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(oneLine(file.toString())).append(':');
    }
    if (line > 0) {
      sb.append(line).append(':').append(column).append(':');
    }
    if (sb.length() > 0) {
      sb.append(' ');
    }
    sb.append(field == null || field.isEmpty() ? DOCUMENT : oneLine(field));
    return sb.append(": ").append(oneLine(problem)).toString();
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /** The catalog file, or null. */
  public Path file() {
    return file;
  }

  /** 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, 0 when unknown. */
  public int column() {
    return column;
  }

  /** Dotted path of the offending field. */
  public String field() {
    return field;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
