package dev.harness.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for a run: the JVM's shutdown hook asks the run to stop, then holds the JVM until the
 * run has written its results (or {@code waitMillis} passed). Close it once the results are
 * written; {@link #interrupted()} then says whether the run was stopped that way.
 *
 * <pre>{@code
 * try (InterruptHook hook = new InterruptHook(() -> run.stop("interrupted"), waitMillis)) {
 *   run.execute(...);                  // writes results.json
 * }                                    // close(): lets a waiting hook finish
 * if (hook.interrupted()) { ... }
 * }</pre>
 */
final class InterruptHook implements AutoCloseable {
  private final CountDownLatch written = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean interrupted;

  InterruptHook(Runnable stop, long waitMillis) {
    thread = new Thread(() -> {
      interrupted = true;
      stop.run();
      try {
        written.await(waitMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "harness-interrupt");
    Runtime.getRuntime().addShutdownHook(thread);
  }

  boolean interrupted() {
    return interrupted;
  }

  @Override
  public void close() {
    written.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException shuttingDown) {
      interrupted = true; // the JVM is exiting on a signal: the hook is running
    }
  }
}
