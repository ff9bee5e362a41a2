package dev.harness.engine;

/**
 * The engine's own Netty HTTP/1.1 client: {@link LoadEngine} opens one {@link LoopPool} per event
 * loop. Stateless; one shared instance.
 */
final class HttpTransport implements Transport {
  static final HttpTransport INSTANCE = new HttpTransport();

  private HttpTransport() {}

  @Override
  public String toString() {
    return "http";
  }
}
