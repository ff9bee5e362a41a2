package dev.harness.sim;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A first-come-first-served queue with {@code c} identical servers, computed in virtual time: each
 * request's start and departure are known the moment it arrives.
 *
 * <p>The servers' next free times are kept in a min-heap. A request arriving at {@code a} starts at
 * {@code s = max(a, earliest free time)} and departs at {@code d = s + S}, with S drawn from the
 * seeded {@link ServiceTime}; the server it took is then free at {@code d}. With one server this is
 * Lindley's recursion {@code W(n+1) = max(0, W(n) + S(n) − A(n+1))} (D. V. Lindley, "The theory of
 * queues with a single server", Proc. Cambridge Phil. Soc. 48, 1952); with c servers it is the FCFS
 * multi-server recursion of Kiefer and Wolfowitz (Trans. AMS 78, 1955).
 *
 * <pre>{@code
 * ClassicModel m = new ClassicModel(1, ServiceTime.exponential(10_000_000L), 42);
 * ClassicModel.Admission a = m.admit(arrivalNanos);   // a.start(), a.departure()
 * }</pre>
 *
 * Arrivals must be admitted in non-decreasing time order. Thread-safe.
 */
public final class ClassicModel {

  /** When service of one request starts and ends (virtual nanoseconds). */
  public record Admission(long arrival, long start, long departure) {
    public Admission {
      if (start < arrival || departure < start) {
        throw new IllegalArgumentException(
            "need arrival <= start <= departure, got " + arrival + ", " + start + ", "
                + departure);
      }
    }
  }

  private final int servers;
  private final ServiceTime serviceTime;
  private final SplittableRandom random;
  private final PriorityQueue<Long> freeAt = new PriorityQueue<>();
  private long lastArrival = Long.MIN_VALUE;
  private long busyNanos;

  public ClassicModel(int servers, ServiceTime serviceTime, long seed) {
    if (servers < 1) {
      throw new IllegalArgumentException("servers must be >= 1, got " + servers);
    }
    if (serviceTime == null) {
      throw new IllegalArgumentException("serviceTime is required");
    }
    this.servers = servers;
    this.serviceTime = serviceTime;
    this.random = new SplittableRandom(seed);
    for (int i = 0; i < servers; i++) {
      freeAt.add(Long.MIN_VALUE);
    }
  }

  public int servers() {
    return servers;
  }

  public ServiceTime serviceTime() {
    return serviceTime;
  }

  /** Computes the start and departure of a request arriving at {@code arrivalNanos}. */
  public synchronized Admission admit(long arrivalNanos) {
    if (arrivalNanos < lastArrival) {
      throw new IllegalArgumentException(
          "arrivals must not go back in time: " + arrivalNanos + " after " + lastArrival);
    }
    lastArrival = arrivalNanos;
    long earliest = freeAt.poll();
    long start = Math.max(arrivalNanos, earliest);
    long service = serviceTime.sampleNanos(random);
    long departure = start + service;
    freeAt.add(departure);
    busyNanos += service;
    return new Admission(arrivalNanos, start, departure);
  }

  /** Total service time handed out so far (for the busy fraction). */
  public synchronized long busyNanos() {
    return busyNanos;
  }
}
