package dev.harness.time;

enum SystemNanoClock implements NanoClock {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public long wallClockMillis() {
    return System.currentTimeMillis();
  }
}
