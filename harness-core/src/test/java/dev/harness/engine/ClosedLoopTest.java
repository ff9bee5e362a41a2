package dev.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.record.Outcome;
import dev.harness.testing.EngineFixture;
import dev.harness.testing.TestHttpServer;
import dev.harness.time.NanoClock;
import dev.harness.traffic.Arrival;
import dev.harness.traffic.ConstantPhase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The closed loop the idle probe runs on: concurrency 1 over a 1 ms schedule, "one request". On a
 * busy machine the pacer thread can be descheduled between waking at the origin and looking at
 * the clock again; the schedule has then ended and, before the fix, the loop sent nothing at all
 * (scheduled 0, no stop reason: a probe of an LLM endpoint that "answered nothing").
 */
class ClosedLoopTest {
  @TempDir Path dir;

  @Test
  void aClosedLoopOpensItsSlotsEvenWhenThePacerWakesAfterTheScheduleEnded() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(1))) {
      EngineFixture.Result r = new EngineFixture(dir)
          .url(server.url("/"))
          .phases(new ConstantPhase("probe", 1000, Duration.ofMillis(1), Arrival.uniform()))
          .closedLoop(1)
          .startDelay(Duration.ZERO)
          .clock(new PacerDescheduledClock(Duration.ofMillis(10)))
          .run();

      assertThat(r.outcome().scheduled()).isEqualTo(1);
      assertThat(r.outcome().stopReason()).isNull();
      assertThat(r.count(Outcome.SUCCESS)).isEqualTo(1);
    }
  }

  @Test
  void aClosedLoopOpensEverySlotOnceAndRefillsOnlyBeforeTheEnd() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(200))) {
      EngineFixture.Result r = new EngineFixture(dir)
          .url(server.url("/"))
          .phases(new ConstantPhase("probe", 1000, Duration.ofMillis(1), Arrival.uniform()))
          .closedLoop(3)
          .startDelay(Duration.ZERO)
          .clock(new PacerDescheduledClock(Duration.ofMillis(10)))
          .run();

      // three slots opened at the start; none refilled, since each answer comes after the end
      assertThat(r.outcome().scheduled()).isEqualTo(3);
      assertThat(r.count(Outcome.SUCCESS)).isEqualTo(3);
    }
  }

  /**
   * The system clock, except that the moment the pacer thread first reads it, time leaps forward
   * (for every thread): the pacer saw the origin, then lost the CPU for {@code leap}.
   */
  private static final class PacerDescheduledClock implements NanoClock {
    private final long leapNanos;
    private final AtomicLong skew = new AtomicLong();
    private final AtomicInteger pacerReads = new AtomicInteger();

    PacerDescheduledClock(Duration leap) {
      this.leapNanos = leap.toNanos();
    }

    @Override
    public long nanoTime() {
      long t = System.nanoTime() + skew.get();
      if ("harness-pacer".equals(Thread.currentThread().getName())
          && pacerReads.incrementAndGet() == 1) {
        skew.set(leapNanos);
      }
      return t;
    }

    @Override
    public long wallClockMillis() {
      return System.currentTimeMillis() + skew.get() / 1_000_000L;
    }
  }
}
