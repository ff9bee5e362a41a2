package dev.harness.time;

import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs tasks at their due times on one dedicated thread: it parks until shortly before the
 * earliest deadline, then spins for the last {@link #SPIN_NANOS} so a task runs within a few
 * microseconds of its time (an event loop's timer wheel can be a scheduler slice late). Tasks due
 * at the same time run in the order they were added. Tasks must be short: they hand work to an
 * event loop rather than doing it.
 */
public final class DeadlineTimer implements AutoCloseable {
  /** Last stretch before a deadline that the thread spins instead of parking. */
  public static final long SPIN_NANOS = 50_000L;

  private static final long IDLE_PARK_NANOS = 5_000_000L;

  private record Task(long due, long order, Runnable action) implements Comparable<Task> {
    @Override
    public int compareTo(Task o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }

  private final NanoClock clock;
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private final Thread thread;
  private final Thread.UncaughtExceptionHandler onError;
  private volatile boolean open = true;
  private long added;

  /**
   * Starts the timer's thread; a task that throws is reported to {@code onError} and the timer
   * goes on.
   */
  public DeadlineTimer(NanoClock clock, String name, Thread.UncaughtExceptionHandler onError) {
    this.clock = clock;
    this.onError = onError;
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
    thread.start();
  }

  /** Runs {@code action} at {@code dueNanos} on the clock (at once if that has passed). */
  public void at(long dueNanos, Runnable action) {
    boolean first;
    synchronized (tasks) {
      Task t = new Task(dueNanos, added++, action);
      tasks.add(t);
      first = tasks.peek() == t;
    }
    if (first) {
      LockSupport.unpark(thread);
    }
  }

  private void loop() {
    while (open) {
      Task due = null;
      long wait = -1;
      long now = clock.nanoTime();
      synchronized (tasks) {
        Task head = tasks.peek();
        if (head != null && head.due() <= now) {
          due = tasks.poll();
        } else if (head != null) {
          wait = head.due() - now;
        }
      }
      if (due != null) {
        try {
          due.action().run();
        } catch (RuntimeException | Error e) {
          onError.uncaughtException(thread, e);
        }
      } else if (wait < 0) {
        LockSupport.parkNanos(IDLE_PARK_NANOS);
      } else if (wait > SPIN_NANOS) {
        LockSupport.parkNanos(wait - SPIN_NANOS);
      } else {
        Thread.onSpinWait();
      }
    }
  }

  @Override
  public void close() {
    open = false;
    LockSupport.unpark(thread);
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
