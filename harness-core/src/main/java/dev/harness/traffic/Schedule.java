package dev.harness.traffic;

import java.util.List;

/** TEMPORARY stub until the traffic branch lands. */
public final class Schedule {
  public static Schedule of(List<Phase> phases, long seed) {
    throw new UnsupportedOperationException();
  }

  public List<Step> steps() {
    throw new UnsupportedOperationException();
  }

  public long durationNanos() {
    throw new UnsupportedOperationException();
  }

  public double expectedRequests() {
    throw new UnsupportedOperationException();
  }

  public ArrivalProcess arrivals() {
    throw new UnsupportedOperationException();
  }

  public int stepIndexAt(long offsetNanos) {
    throw new UnsupportedOperationException();
  }
}
