package dev.harness.cli;

import dev.harness.engine.EngineListener;
import dev.harness.engine.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Renders the engine's once-a-second progress on stderr: one line rewritten in place on a
 * terminal, plain lines otherwise (pipes, CI logs).
 */
final class ProgressPrinter implements EngineListener {
  private final PrintWriter err;
  private final boolean inPlace;
  private boolean pending;

  ProgressPrinter(PrintWriter err, boolean inPlace) {
    this.err = err;
    this.inPlace = inPlace;
  }

  /** In-place updates only on an interactive terminal outside CI. */
  static boolean interactive() {
    return System.console() != null && System.getenv("CI") == null;
  }

  @Override
  public synchronized void onProgress(Progress p) {
    String line = format(p);
    if (inPlace) {
      err.print("\r\033[2K" + line);
      pending = true;
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** Ends an in-place line so that what follows starts on a fresh one. */
  synchronized void finish() {
    if (pending) {
      err.println();
      err.flush();
      pending = false;
    }
  }

  static String format(Progress p) {
    return String.format(
        Locale.ROOT,
        "[%5.0fs] %-14s %s offered %7.1f/s  sent %7.1f/s  ok %7.1f/s  in-flight %5d  "
            + "p99 %8.1f ms  errors %d  lag p99 %.2f ms  hiccup %.1f ms",
        p.elapsedNanos() / 1e9,
        truncate(p.stepName(), 14),
        p.draining() ? "(draining)" : "          ",
        p.offeredRps(),
        p.sentRps(),
        p.completedRps(),
        p.inFlight(),
        p.stepP99Millis(),
        p.errors(),
        p.scheduleLagP99Millis(),
        p.hiccupMaxMillis());
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
