package dev.harness.engine;

import dev.harness.protocol.RequestSpec;

/**
 * Supplies the serialized request for each position in the schedule. Called by the pacer thread
 * ahead of the request's intended time, never on the send path.
 */
@FunctionalInterface
public interface RequestSource {
  RequestSpec next(long sequence);
}
