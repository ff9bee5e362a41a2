package dev.harness.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An LLM server with continuous batching (as in vLLM; Kwon et al., "Efficient Memory Management
 * for Large Language Model Serving with PagedAttention", SOSP 2023; Yu et al., "Orca", OSDI 2022),
 * computed in virtual time as a sequence of engine steps.
 *
 * <p>A step starting at {@code t}:
 *
 * <ol>
 *   <li>admits waiting requests that arrived by {@code t}, first come first served, while the
 *       batch has fewer than {@code maxBatch} sequences and the KV cache has room for the request's
 *       whole reservation ({@code promptTokens + outputTokens}, reserved at admission and freed at
 *       completion, so a running sequence is never pre-empted). A head-of-line request that does
 *       not fit blocks the ones behind it;
 *   <li>lasts {@code decodeBase + decodePerSequence × batch + prefillPerToken × (prompt tokens of
 *       the sequences admitted in this step)};
 *   <li>ends at {@code t + duration} with one new token for every sequence in the batch (a newly
 *       admitted sequence gets its first token from its prefill step); sequences that reach their
 *       output length leave and free their reservation.
 * </ol>
 *
 * The next step starts when this one ends if any sequence is running or waiting; otherwise the
 * engine is idle until the next arrival, whose step starts at its arrival time. A request whose
 * reservation exceeds the whole cache can never run and is refused by {@link #arrive}.
 *
 * <pre>{@code
 * LlmModel m = new LlmModel(params);
 * m.arrive(id, nowNanos, promptTokens, outputTokens);
 * LlmModel.Step s = m.step(nowNanos);   // null when nothing to do; next step at s.end()
 * }</pre>
 *
 * Not thread-safe: the caller serialises access (the server holds one lock around it).
 */
public final class LlmModel {

  /**
   * Timing and capacity of the model (nanoseconds, tokens).
   *
   * @param decodeBaseNanos cost of one step whatever the batch (reading the weights once)
   * @param decodePerSequenceNanos added cost per sequence in the batch (its KV reads)
   * @param prefillPerTokenNanos cost per prompt token of sequences admitted in the step
   * @param kvCapacityTokens KV-cache capacity in tokens
   * @param maxBatch most sequences in one step (vLLM's max_num_seqs)
   */
  public record Params(
      long decodeBaseNanos,
      long decodePerSequenceNanos,
      long prefillPerTokenNanos,
      long kvCapacityTokens,
      int maxBatch) {
    public Params {
      if (decodeBaseNanos <= 0) {
        throw new IllegalArgumentException("decodeBaseNanos must be > 0, got " + decodeBaseNanos);
      }
      if (decodePerSequenceNanos < 0 || prefillPerTokenNanos < 0) {
        throw new IllegalArgumentException(
            "per-sequence and prefill costs must be >= 0, got " + decodePerSequenceNanos + ", "
                + prefillPerTokenNanos);
      }
      if (kvCapacityTokens <= 0) {
        throw new IllegalArgumentException(
            "kvCapacityTokens must be > 0, got " + kvCapacityTokens);
      }
      if (maxBatch < 1) {
        throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
      }
    }
  }

  /** One token produced at a step's end: the {@code count}-th token of request {@code id}. */
  public record Emission(long id, int count, boolean last) {}

  /** One engine step: its virtual start and end, batch size, admissions and tokens. */
  public record Step(
      long start, long end, int batchSize, List<Long> admitted, List<Emission> tokens) {
    public Step {
      admitted = List.copyOf(admitted);
      tokens = List.copyOf(tokens);
    }
  }

  private static final class Sequence {
    final long id;
    final long arrival;
    final int prompt;
    final int output;
    int generated;

    Sequence(long id, long arrival, int prompt, int output) {
      this.id = id;
      this.arrival = arrival;
      this.prompt = prompt;
      this.output = output;
    }

    long reservation() {
      return (long) prompt + output;
    }
  }

  private final Params params;
  private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
  private final List<Sequence> running = new ArrayList<>();
  private long kvUsed;
  private long busyNanos;
  private long lastArrival = Long.MIN_VALUE;

  public LlmModel(Params params) {
    this.params = params;
  }

  public Params params() {
    return params;
  }

  /** Whether a request of this size can ever run (its reservation fits in the empty cache). */
  public boolean fits(int promptTokens, int outputTokens) {
    return (long) promptTokens + outputTokens <= params.kvCapacityTokens();
  }

  /**
   * Queues a request. Arrivals come in non-decreasing time order.
   *
   * @throws IllegalArgumentException if it can never fit in the KV cache or a count is invalid
   */
  public void arrive(long id, long arrivalNanos, int promptTokens, int outputTokens) {
    if (promptTokens < 0 || outputTokens < 1) {
      throw new IllegalArgumentException(
          "need promptTokens >= 0 and outputTokens >= 1, got " + promptTokens + ", "
              + outputTokens);
    }
    if (!fits(promptTokens, outputTokens)) {
      throw new IllegalArgumentException(
          "this request needs " + ((long) promptTokens + outputTokens)
              + " tokens of KV cache (prompt " + promptTokens + " + output " + outputTokens
              + "), more than the whole cache holds (" + params.kvCapacityTokens() + " tokens)");
    }
    if (arrivalNanos < lastArrival) {
      throw new IllegalArgumentException(
          "arrivals must not go back in time: " + arrivalNanos + " after " + lastArrival);
    }
    lastArrival = arrivalNanos;
    waiting.add(new Sequence(id, arrivalNanos, promptTokens, outputTokens));
  }

  /** Runs the step starting at {@code startNanos}; null when there is nothing to run. */
  public Step step(long startNanos) {
    List<Long> admitted = new ArrayList<>();
    long prefillTokens = 0;
    while (!waiting.isEmpty()
        && waiting.peek().arrival <= startNanos
        && running.size() < params.maxBatch()
        && kvUsed + waiting.peek().reservation() <= params.kvCapacityTokens()) {
      Sequence s = waiting.poll();
      running.add(s);
      kvUsed += s.reservation();
      prefillTokens += s.prompt;
      admitted.add(s.id);
    }
    if (running.isEmpty()) {
      return null;
    }
    int batch = running.size();
    long duration =
        params.decodeBaseNanos()
            + params.decodePerSequenceNanos() * batch
            + params.prefillPerTokenNanos() * prefillTokens;
    long end = startNanos + duration;
    List<Emission> tokens = new ArrayList<>(batch);
    for (Iterator<Sequence> it = running.iterator(); it.hasNext(); ) {
      Sequence s = it.next();
      s.generated++;
      boolean last = s.generated == s.output;
      tokens.add(new Emission(s.id, s.generated, last));
      if (last) {
        it.remove();
        kvUsed -= s.reservation();
      }
    }
    busyNanos += duration;
    return new Step(startNanos, end, batch, admitted, tokens);
  }

  public int running() {
    return running.size();
  }

  public int waiting() {
    return waiting.size();
  }

  public long kvUsedTokens() {
    return kvUsed;
  }

  /** Sum of the durations of all steps run so far. */
  public long busyNanos() {
    return busyNanos;
  }

  /** Arrival time of the first waiting request, or -1 when none waits. */
  public long firstWaitingArrival() {
    return waiting.isEmpty() ? -1 : waiting.peek().arrival;
  }

  /** Whether anything is running or waiting (the next step has work). */
  public boolean hasWork() {
    return !running.isEmpty() || !waiting.isEmpty();
  }
}
