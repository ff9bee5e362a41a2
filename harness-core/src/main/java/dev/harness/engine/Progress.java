package dev.harness.engine;

/**
 * One second of a run, for live display.
 *
 * @param elapsedNanos time since the schedule origin
 * @param stepIndex step whose window holds "now" (the last one once the schedule has ended)
 * @param stepName its name
 * @param offeredRps the schedule's rate now
 * @param sentRps requests dispatched per second over the last interval
 * @param completedRps successful completions per second over the last interval
 * @param inFlight requests in flight now
 * @param stepP99Millis p99 end-to-end latency of the current step so far (from intended time)
 * @param errors non-successful outcomes so far (drops and timeouts included)
 * @param scheduleLagP99Millis p99 of the generator's schedule lag over the last interval
 * @param hiccupMaxMillis longest generator pause over the last interval
 * @param draining the schedule has ended; waiting for in-flight requests
 */
public record Progress(
    long elapsedNanos,
    int stepIndex,
    String stepName,
    double offeredRps,
    double sentRps,
    double completedRps,
    long inFlight,
    double stepP99Millis,
    long errors,
    double scheduleLagP99Millis,
    double hiccupMaxMillis,
    boolean draining) {}
