package dev.harness.cli;

/** Every exit code the CLI uses, in one place (documented in the README and --help). */
final class ExitCodes {
  /** The command did what was asked; for runs, every output was written. */
  static final int OK = 0;
  /** An internal error (a bug): the message says what; outputs written where possible. */
  static final int INTERNAL = 1;
  /**
   * Compare: a check failed (a regression). The issue fixes 1 for this; compare reports its own
   * internal errors as {@link #COMPARE_FAILED}, so 1 from compare always means a regression.
   */
  static final int REGRESSION = 1;
  /** Invalid plan, payload file or arguments: nothing was run. */
  static final int INVALID_INPUT = 2;
  /** The run completed and wrote its results, but not a single request succeeded. */
  static final int NO_SUCCESS = 3;
  /**
   * Capacity: the search finished, but even the lowest rate missed the SLO. Recommend: every
   * candidate was rejected (or none was run), so there is no decision.
   */
  static final int NO_SUSTAINABLE_RATE = 4;
  /** Capacity: the load generator, not the endpoint, was the limit (the answer is a floor). */
  static final int GENERATOR_LIMITED = 5;
  /** Compare: the runs cannot be compared (different plan, SLO, protocol or payload set). */
  static final int NOT_COMPARABLE = 6;
  /**
   * Compare: it could not finish (an internal error, or an output file that could not be
   * written); never a verdict on the runs (sysexits' EX_SOFTWARE).
   */
  static final int COMPARE_FAILED = 70;
  /** Interrupted (Ctrl-C / SIGINT): what was measured was still written. */
  static final int INTERRUPTED = 130;

  static final String HELP =
      "Exit codes:%n"
          + "  0    completed, results written%n"
          + "  1    internal error; compare: a regression check failed%n"
          + "  2    invalid plan, payload file or arguments (nothing was run)%n"
          + "  3    completed, but no request succeeded (endpoint unreachable or failing)%n"
          + "  4    capacity: even the lowest rate missed the SLO; recommend: every candidate%n"
          + "       was rejected, no decision%n"
          + "  5    capacity: the load generator, not the endpoint, was the limit%n"
          + "  6    compare: the runs cannot be compared (plan, SLO, protocol or payloads differ)%n"
          + "  70   compare: could not finish (internal error, or an output not written)%n"
          + "  130  interrupted by Ctrl-C; what was measured was still written%n";

  private ExitCodes() {}
}
