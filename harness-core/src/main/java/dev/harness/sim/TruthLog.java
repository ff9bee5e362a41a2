package dev.harness.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ground truth of every answered model request: kept in memory (optionally) and appended to a
 * JSONL file (optionally), one {@link RequestTruth#toJsonLine()} per line in completion order.
 */
final class TruthLog implements AutoCloseable {
  private final boolean keep;
  private final List<RequestTruth> truths = new ArrayList<>();
  private final BufferedWriter out;
  private long ok;
  private long failed;
  private long queueNanos;

  TruthLog(boolean keep, Path file) throws IOException {
    this.keep = keep;
    this.out = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  synchronized void record(RequestTruth t) {
    if (t.status() / 100 == 2) {
      ok++;
      queueNanos += t.waitNanos();
    } else {
      failed++;
    }
    if (keep) {
      truths.add(t);
    }
    if (out != null) {
      try {
        out.write(t.toJsonLine());
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the ground-truth log: " + e.getMessage(), e);
      }
    }
  }

  synchronized List<RequestTruth> snapshot() {
    return List.copyOf(truths);
  }

  synchronized long succeeded() {
    return ok;
  }

  /** Time the successful requests spent queued before service, summed. */
  synchronized long queueNanosSucceeded() {
    return queueNanos;
  }

  synchronized long failed() {
    return failed;
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
