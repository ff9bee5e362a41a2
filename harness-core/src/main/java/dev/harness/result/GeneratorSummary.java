package dev.harness.result;

/**
 * The load generator's own behaviour over the whole run: if these are large, the generator, not
 * the endpoint, shaped the numbers.
 *
 * @param transport Netty transport ("epoll" or "nio")
 * @param eventLoops event loop threads
 * @param maxInFlight in-flight cap
 * @param connections pool size
 * @param preconnected connections opened before the first send
 * @param scheduleLagP99Millis p99 of (dispatched − intended)
 * @param scheduleLagMaxMillis max of (dispatched − intended)
 * @param hiccupP999Millis p99.9 of generator pauses (1 ms sleeper)
 * @param hiccupMaxMillis longest generator pause
 * @param staleResends requests re-sent once because their pooled connection had been closed by the
 *     server before it answered
 */
public record GeneratorSummary(
    String transport,
    int eventLoops,
    int maxInFlight,
    int connections,
    int preconnected,
    double scheduleLagP99Millis,
    double scheduleLagMaxMillis,
    double hiccupP999Millis,
    double hiccupMaxMillis,
    long staleResends) {}
