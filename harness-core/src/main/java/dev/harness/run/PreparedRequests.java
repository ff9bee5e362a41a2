package dev.harness.run;

import dev.harness.engine.RequestSource;
import dev.harness.payload.Payload;
import dev.harness.payload.PayloadSampler;
import dev.harness.payload.PayloadSet;
import dev.harness.payload.PromptSalter;
import dev.harness.protocol.Protocol;
import dev.harness.protocol.RequestSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Serializes requests ahead of the send path: a background thread reads, salts and serializes the
 * payload for each sequence number in order and keeps a bounded queue full, so the pacer only
 * takes a ready request. The payload order comes from a seeded sampler, so the same seed replays
 * the same request sequence.
 */
final class PreparedRequests implements RequestSource, AutoCloseable {
  private static final int AHEAD = 4096;

  private final PayloadSet set;
  private final PayloadSampler sampler;
  private final Protocol protocol;
  private final boolean salt;
  private final long saltBase;
  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(AHEAD);
  private final Thread producer;
  private volatile boolean closed;
  private long expected;

  PreparedRequests(PayloadSet set, PayloadSampler sampler, Protocol protocol, boolean salt) {
    this(set, sampler, protocol, salt, 0);
  }

  /**
   * @param saltBase added to each request's sequence in its prompt salt, so several runs over one
   *     set (the steps of a capacity search) never send the same salted prompt twice
   */
  PreparedRequests(
      PayloadSet set, PayloadSampler sampler, Protocol protocol, boolean salt, long saltBase) {
    this.saltBase = saltBase;
    this.set = set;
    this.sampler = sampler;
    this.protocol = protocol;
    this.salt = salt;
    this.producer = new Thread(this::produce, "harness-prepare");
    this.producer.setDaemon(true);
    this.producer.start();
  }

  /** Builds the request for {@code sequence}; used by the producer, and directly by tests. */
  RequestSpec build(long sequence) throws IOException {
    Payload p = set.get(sampler.nextIndex());
    if (salt) {
      p =
          new Payload(
              p.index(),
              p.lineNumber(),
              p.id(),
              PromptSalter.salt(p.body(), saltBase + sequence),
              p.weight(),
              p.promptTokens(),
              p.maxTokens());
    }
    return protocol.build(p, sequence);
  }

  private void produce() {
    long seq = 0;
    try {
      while (!closed) {
        Object item;
        try {
          item = build(seq);
        } catch (IOException | RuntimeException e) {
          item = e;
        }
        ready.put(item);
        seq++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public RequestSpec next(long sequence) {
    if (sequence != expected) {
      throw new IllegalStateException("requests must be taken in order: " + sequence);
    }
    expected++;
    Object item;
    try {
      item = ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing requests", e);
    }
    if (item instanceof IOException) {
      throw new UncheckedIOException((IOException) item);
    }
    if (item instanceof RuntimeException) {
      throw (RuntimeException) item;
    }
    return (RequestSpec) item;
  }

  @Override
  public void close() {
    closed = true;
    producer.interrupt();
  }
}
