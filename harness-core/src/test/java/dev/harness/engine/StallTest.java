package dev.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.harness.record.Metric;
import dev.harness.record.Outcome;
import dev.harness.testing.EngineFixture;
import dev.harness.testing.TestHttpServer;
import dev.harness.traffic.Arrival;
import dev.harness.traffic.ConstantPhase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinated-omission test: a server that answers in ~1 ms but stalls every response for 2 s
 * once, 10 s into a 20 s run at a uniform 200 RPS. Measured from intended send times, the requests
 * due during the stall wait 2 s down to 0 s, so 10 % of the run is spread uniformly over [0, 2 s]:
 * p95 ≈ 1.0 s and p99 ≈ 1.8 s. A generator with coordinated omission would report p99 near 1 ms.
 */
@Tag("load")
class StallTest {
  @TempDir Path dir;

  @Test
  void aStalledServerShowsInTheTailAsTheScheduleSaysItShould() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(1).stall(10_000, 2_000))) {
      EngineFixture.warmUp(dir, server.url("/"), 200);
      server.restartStallClock();
      EngineFixture.Result r =
          new EngineFixture(dir)
              .url(server.url("/"))
              .phases(new ConstantPhase("steady", 200, Duration.ofSeconds(20), Arrival.uniform()))
              .run();
      long expected = Math.round(r.schedule().expectedRequests());
      assertThat(r.outcome().scheduled()).isCloseTo(expected, within(1L));
      assertThat(r.count(Outcome.SUCCESS)).isEqualTo(r.outcome().scheduled());
      assertThat(r.millisAt(Metric.E2E, 95)).isCloseTo(1000.0, within(50.0));
      assertThat(r.millisAt(Metric.E2E, 99)).isCloseTo(1800.0, within(90.0));
    }
  }
}
