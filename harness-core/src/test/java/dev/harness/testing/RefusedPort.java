package dev.harness.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port on which every connection is refused, for as long as this object is open.
 *
 * <p>The port is held by a socket that is bound but never listens: the kernel answers a SYN to it
 * with a reset, and it cannot hand the port out as the ephemeral source port of another
 * connection. A port that was merely free a moment ago can be: a client then connects to itself
 * (TCP simultaneous open), and the test sees a hang instead of a refusal.
 */
public final class RefusedPort implements AutoCloseable {
  private final Socket holder;

  public RefusedPort() {
    try {
      holder = new Socket();
      holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return holder.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT} with the given path appended. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  @Override
  public void close() throws IOException {
    holder.close();
  }
}
