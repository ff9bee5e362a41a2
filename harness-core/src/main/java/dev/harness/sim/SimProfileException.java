package dev.harness.sim;

/** A simulator profile that cannot be found or read; the message names the file and field. */
public final class SimProfileException extends Exception {
  private static final long serialVersionUID = 1L;

  public SimProfileException(String message) {
    super(message);
  }
}
