package dev.harness.protocol;

import dev.harness.payload.Payload;
import java.util.List;

/** One adapter per API: builds requests from payloads and parses responses into events. */
public interface Protocol {

  /**
   * Builds the request for {@code payload}; {@code sequence} is the request's position in the run
   * (used, e.g., to salt prompts). Called ahead of the send path, never on an event loop.
   */
  RequestSpec build(Payload payload, long sequence);

  /** A fresh parser for one response. */
  ResponseParser newParser(RequestSpec request);

  /**
   * Paths (with a leading {@code /}) that must answer 2xx to a GET before the run starts, in the
   * order to try them; {@link ReadinessCheck} calls them. None by default.
   */
  default List<String> readinessPaths() {
    return List.of();
  }
}
