package dev.harness.metrics.cloudwatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A wall clock that moves only when paused on; records every pause. */
final class FakeTime extends Clock implements Pause {
  private Instant now;
  private final List<Duration> pauses = new ArrayList<>();

  FakeTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized void pause(Duration d) {
    pauses.add(d);
    now = now.plus(d);
  }

  synchronized List<Duration> pauses() {
    return List.copyOf(pauses);
  }

  synchronized Duration paused() {
    return pauses.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
