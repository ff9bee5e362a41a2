package dev.harness.testing;

/**
 * Runs a {@link TestHttpServer} as its own process: {@code TestServerMain DELAY_MS}. Prints the
 * port on the first line of stdout and serves until stdin closes.
 */
public final class TestServerMain {
  private TestServerMain() {}

  public static void main(String[] args) throws Exception {
    double delay = args.length > 0 ? Double.parseDouble(args[0]) : 1;
    try (TestHttpServer server =
        new TestHttpServer(new TestHttpServer.Behaviour().delayMillis(delay))) {
      System.out.println(server.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until stdin closes
      }
    }
  }
}
