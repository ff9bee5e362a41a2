package dev.harness.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP endpoint on 127.0.0.1 and an ephemeral port (the JDK's own server): answers every
 * request at once with {@code 200 {"ok":true}} and counts what it answered (and keeps the
 * Authorization headers it saw). Fine for tens of requests per second.
 */
final class LoopbackEndpoint implements AutoCloseable {
  private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final AtomicLong requests = new AtomicLong();
  private final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();

  LoopbackEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::answer);
    server.start();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null) {
      authorizations.add(authorization);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, BODY.length);
    exchange.getResponseBody().write(BODY);
    exchange.close();
    requests.incrementAndGet();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  long requests() {
    return requests.get();
  }

  /** The Authorization headers received, in order. */
  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /**
   * A loopback URL on which every connection is refused for the rest of the test JVM: the port is
   * held by a socket that is bound but never listens, so the kernel cannot also hand it out as a
   * client's ephemeral port (a client connecting to itself would hang instead of being refused).
   */
  static String deadUrl() throws IOException {
    Socket holder = new Socket();
    holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    REFUSING.add(holder);
    return "http://127.0.0.1:" + holder.getLocalPort() + "/score";
  }

  private static final List<Socket> REFUSING = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public void close() {
    server.stop(0);
  }
}
