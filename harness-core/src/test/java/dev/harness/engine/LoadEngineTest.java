package dev.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.harness.config.ProtocolKind;
import dev.harness.record.Metric;
import dev.harness.record.Outcome;
import dev.harness.record.RequestRecord;
import dev.harness.testing.TestHttpServer;
import dev.harness.traffic.Arrival;
import dev.harness.traffic.ConstantPhase;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadEngineTest {
  @TempDir Path dir;

  private static ConstantPhase uniform(double rate, double seconds) {
    return new ConstantPhase(
        "steady", rate, Duration.ofMillis((long) (seconds * 1000)), Arrival.uniform());
  }

  @Test
  void fixedDelayIsMeasuredWithinOneMillisecond() throws Exception {
    try (TestHttpServer server = new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(20))) {
      EngineFixture.Result r =
          new EngineFixture(dir)
              .url(server.url("/score"))
              .phases(
                  new ConstantPhase("warmup", 300, Duration.ofSeconds(2), Arrival.uniform()),
                  new ConstantPhase("measured", 300, Duration.ofSeconds(5), Arrival.uniform()))
              .run();
      assertThat(r.count(Outcome.SUCCESS)).isEqualTo(r.outcome().scheduled());
      org.HdrHistogram.Histogram measured = r.recorder().total(1, Metric.E2E);
      assertThat(measured.getTotalCount()).isEqualTo(1500);
      for (Metric m : new Metric[] {Metric.E2E, Metric.E2E_SENT, Metric.SCHEDULE_LAG, Metric.CONNECTION_WAIT, Metric.HICCUP}) {
        org.HdrHistogram.Histogram h = r.recorder().total(1, m);
        System.out.printf("DIAG %s p50=%.3f p99=%.3f max=%.3f%n", m, h.getValueAtPercentile(50)/1000.0, h.getValueAtPercentile(99)/1000.0, h.getMaxValue()/1000.0);
      }
      assertThat(measured.getValueAtPercentile(50) / 1000.0).isCloseTo(20.0, within(1.0));
      assertThat(measured.getValueAtPercentile(99) / 1000.0).isCloseTo(20.0, within(1.0));
    }
  }

  @Test
  void everyScheduledRequestGetsExactlyOneOutcomeWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EngineFixture.Result r =
        new EngineFixture(dir).url("http://127.0.0.1:" + port + "/").phases(uniform(50, 1)).run();
    assertThat(r.outcome().scheduled()).isGreaterThan(40);
    assertThat(r.count(Outcome.CONNECT_ERROR)).isEqualTo(r.outcome().scheduled());
    assertThat(r.requests()).hasSize((int) r.outcome().scheduled());
    Set<Long> sequences =
        r.requests().stream().map(RequestRecord::sequence).collect(Collectors.toSet());
    assertThat(sequences).hasSize((int) r.outcome().scheduled());
  }

  @Test
  void timeoutsAreRecordedAtTheTimeoutAndCensored() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(400))) {
      EngineFixture.Result r =
          new EngineFixture(dir)
              .url(server.url("/slow"))
              .timeout(Duration.ofMillis(100))
              .phases(uniform(50, 1))
              .run();
      assertThat(r.count(Outcome.TIMEOUT)).isEqualTo(r.outcome().scheduled());
      assertThat(r.millisAt(Metric.E2E, 50)).isCloseTo(100.0, within(0.2));
      assertThat(r.requests()).allMatch(RequestRecord::censored);
    }
  }

  @Test
  void requestsBeyondTheInFlightCapAreDroppedNotQueued() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(300))) {
      EngineFixture.Result r =
          new EngineFixture(dir)
              .url(server.url("/"))
              .maxInFlight(5)
              .phases(uniform(100, 1))
              .run();
      assertThat(r.count(Outcome.DROPPED)).isGreaterThan(50);
      assertThat(r.count(Outcome.SUCCESS)).isGreaterThanOrEqualTo(5);
      assertThat(r.totalOutcomes()).isEqualTo(r.outcome().scheduled());
    }
  }

  @Test
  void serverErrorsAreCountedByClass() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(1).status(503))) {
      EngineFixture.Result r =
          new EngineFixture(dir).url(server.url("/")).phases(uniform(100, 1)).run();
      assertThat(r.count(Outcome.HTTP_5XX)).isEqualTo(r.outcome().scheduled());
    }
    try (TestHttpServer server =
        new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(1).status(429))) {
      EngineFixture.Result r =
          new EngineFixture(dir).url(server.url("/")).phases(uniform(100, 1)).run();
      assertThat(r.count(Outcome.HTTP_429)).isEqualTo(r.outcome().scheduled());
    }
  }

  @Test
  void aServerThatClosesAfterEachStreamedResponseCausesNoErrors() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(2).streamAndClose(5, 1000))) {
      EngineFixture.Result r =
          new EngineFixture(dir)
              .protocol(ProtocolKind.OPENAI_CHAT)
              .url(server.url("/v1/chat/completions"))
              .phases(uniform(100, 3))
              .run();
      assertThat(r.count(Outcome.SUCCESS)).isEqualTo(r.outcome().scheduled());
      assertThat(r.requests()).allMatch(q -> q.outputTokens() == 5);
      assertThat(r.histogram(Metric.TTFT).getTotalCount()).isEqualTo(r.outcome().scheduled());
      assertThat(r.millisAt(Metric.ITL, 50)).isBetween(0.5, 5.0);
      assertThat(server.connections()).isGreaterThanOrEqualTo(r.outcome().scheduled());
    }
  }

  @Test
  void stoppingMidRunStillGivesEveryScheduledRequestAnOutcome() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(50))) {
      EngineFixture.Result r =
          new EngineFixture(dir)
              .url(server.url("/"))
              .phases(uniform(100, 30))
              .onStart(
                  e ->
                      new Thread(
                              () -> {
                                try {
                                  Thread.sleep(1500);
                                } catch (InterruptedException ignored) {
                                  Thread.currentThread().interrupt();
                                }
                                e.stop("interrupted");
                              })
                          .start())
              .run();
      assertThat(r.outcome().interrupted()).isTrue();
      assertThat(r.outcome().stopReason()).isEqualTo("interrupted");
      assertThat(r.outcome().scheduled()).isBetween(100L, 200L);
      assertThat(r.totalOutcomes()).isEqualTo(r.outcome().scheduled());
      assertThat(r.requests()).hasSize((int) r.outcome().scheduled());
    }
  }

  @Test
  void connectionPerRequestOpensOneConnectionPerRequest() throws Exception {
    try (TestHttpServer server = new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(1))) {
      EngineFixture.Result r =
          new EngineFixture(dir)
              .url(server.url("/"))
              .connectionPerRequest()
              .phases(uniform(50, 1))
              .run();
      assertThat(r.count(Outcome.SUCCESS)).isEqualTo(r.outcome().scheduled());
      assertThat(server.connections()).isEqualTo(r.outcome().scheduled());
    }
  }

  @Test
  void scheduleLagAndConnectionWaitAreRecorded() throws Exception {
    try (TestHttpServer server = new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(1))) {
      EngineFixture.Result r =
          new EngineFixture(dir).url(server.url("/")).phases(uniform(200, 2)).run();
      assertThat(r.histogram(Metric.SCHEDULE_LAG).getTotalCount())
          .isEqualTo(r.outcome().scheduled());
      assertThat(r.histogram(Metric.CONNECTION_WAIT).getTotalCount())
          .isEqualTo(r.outcome().scheduled());
      assertThat(r.histogram(Metric.HICCUP).getTotalCount()).isGreaterThan(100);
      assertThat(r.progress()).isNotEmpty();
    }
  }
}
