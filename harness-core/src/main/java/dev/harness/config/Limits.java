package dev.harness.config;

import java.time.Duration;

/**
 * Bounds of a run.
 *
 * @param requestTimeout a request without a complete response by then is a timeout
 * @param connectTimeout TCP connect timeout
 * @param maxInFlight requests in flight at most; one due beyond it is dropped
 * @param connections size of the HTTP/1.1 keep-alive pool
 * @param maxDuration hard stop for the whole run, schedule and drain included
 * @param drainTimeout how long an interrupted run waits for in-flight requests
 */
public record Limits(
    Duration requestTimeout,
    Duration connectTimeout,
    int maxInFlight,
    int connections,
    Duration maxDuration,
    Duration drainTimeout) {}
