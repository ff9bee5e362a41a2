package dev.harness.engine;

/**
 * The transport-specific half of a {@link Lane}: how a dispatched request reaches the endpoint.
 * Every method runs on the lane's event loop. A sender reports each request's end through {@link
 * Lane#complete} (on the loop), at most once; the lane ignores anything after the first end.
 */
interface Sender {

  /**
   * Starts sending {@code r}; its dispatch time is stamped and its timeout armed. The sender sets
   * the timeline fields it knows (acquired, connected, flushed, first byte, last byte).
   */
  void send(RequestContext r);

  /**
   * Stops all work on {@code r}, which has timed out: the lane records the timeout itself, so the
   * sender must not complete it (a late completion would be ignored anyway).
   */
  void abandon(RequestContext r);

  /** The run is over and every request has ended: release connections. */
  void closeAll();
}
