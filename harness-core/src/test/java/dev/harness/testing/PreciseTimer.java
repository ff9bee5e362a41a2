package dev.harness.testing;

import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs tasks at nanosecond deadlines on one thread that parks and then spins for the last
 * stretch: event-loop timers are late by up to a scheduler slice, too coarse for a test server
 * whose delays must be exact to well under a millisecond.
 */
final class PreciseTimer implements AutoCloseable {
  private static final long SPIN_NANOS = 50_000L;

  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private final Thread thread;
  private volatile boolean running = true;
  private long order;

  private record Entry(long due, long order, Runnable task) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }

  PreciseTimer() {
    thread = new Thread(this::loop, "precise-timer");
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
    thread.start();
  }

  void at(long dueNanos, Runnable task) {
    synchronized (queue) {
      queue.add(new Entry(dueNanos, order++, task));
    }
    LockSupport.unpark(thread);
  }

  private void loop() {
    while (running) {
      Entry next;
      synchronized (queue) {
        next = queue.peek();
      }
      if (next == null) {
        LockSupport.parkNanos(1_000_000L);
        continue;
      }
      long wait = next.due() - System.nanoTime();
      if (wait > SPIN_NANOS) {
        LockSupport.parkNanos(wait - SPIN_NANOS);
        continue;
      }
      if (wait > 0) {
        Thread.onSpinWait();
        continue;
      }
      synchronized (queue) {
        queue.poll();
      }
      next.task().run();
    }
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
  }
}
