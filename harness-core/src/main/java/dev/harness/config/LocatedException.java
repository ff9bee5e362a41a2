package dev.harness.config;

import java.nio.file.Path;

/**
 * A problem in an input file, located as precisely as the YAML allows: the one shape every
 * input error (plans, catalogs) has.
 *
 * <p>The message is always one line, {@code <file>:<line>:<column>: <field>: <problem>}. Parts
 * that are unknown are left out: no {@code <file>:} when the problem is not in a file, no {@code
 * <line>:<column>:} when the position is unknown. The field is a path from the top of the document
 * ({@code target.url}, {@code types.g5.xlarge.vcpus}, list indexes 0-based), or {@value #DOCUMENT}
 * for the file as a whole.
 */
public abstract class LocatedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Field path used when the problem is the document itself (syntax, empty file, top level). */
  public static final String DOCUMENT = "(document)";

  private final transient Path file;
  private final int line;
  private final int column;
  private final String field;
  private final String problem;

  /**
   * @param file the file, or null when the problem is not in a file
   * @param line 1-based line, 0 when unknown
   * @param column 1-based column, 0 when unknown
   * @param field path of the offending field; null or empty for the document
   * @param problem what is wrong
   */
  protected LocatedException(Path file, int line, int column, String field, String problem) {
    super(format(file, line, column, field, problem));
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException(
          "line and column must be >= 0, got " + line + ":" + column);
    }
    this.file = file;
    this.line = line;
    this.column = column;
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
    sb.append(": ").append(oneLine(problem));
    return sb.toString();
  }

  /** Collapses line breaks and runs of blanks so that a message always stays on one line. */
  public static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /** The file, or null when the problem is not in a file. */
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

  /** Path of the offending field, e.g. {@code limits.request-timeout}. */
  public String field() {
    return field;
  }

  /** What is wrong, without the location prefix. */
  public String problem() {
    return problem;
  }
}
