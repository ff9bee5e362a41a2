package dev.harness.payload;

import java.nio.file.Path;

/**
 * A payload file that cannot be used as written. The message reads {@code "<file>:<line>: <what
 * is wrong>"}, e.g. {@code "chat.jsonl:17: weight must be > 0, got 0"}; problems with the whole
 * file (no valid lines) carry no line number.
 */
public final class PayloadException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long lineNumber;
  private final String problem;

  /** A problem on one line (1-based). */
  public PayloadException(Path file, long lineNumber, String problem) {
    super(file + ":" + lineNumber + ": " + problem);
    this.file = file;
    this.lineNumber = lineNumber;
    this.problem = problem;
  }

  /** A problem with the file as a whole. */
  public PayloadException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
    this.lineNumber = 0;
    this.problem = problem;
  }

  public Path file() {
    return file;
  }

  /** 1-based line number, or 0 when the problem is not on one line. */
  public long lineNumber() {
    return lineNumber;
  }

  /** What is wrong, without the file and line prefix. */
  public String problem() {
    return problem;
  }
}
