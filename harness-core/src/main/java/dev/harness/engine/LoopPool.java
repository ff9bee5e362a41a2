package dev.harness.engine;

import dev.harness.protocol.Protocol;
import dev.harness.protocol.ResponseResult;
import dev.harness.record.Outcome;
import dev.harness.time.NanoClock;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The engine's own HTTP/1.1 transport on one event loop: its connections and waiting requests.
 * Every method runs on that loop, so nothing here needs a lock. Pool size is a cap on open
 * connections; a request that finds no idle connection and no room to open one waits (its wait is
 * recorded as connection wait, and its timeout, armed by the {@link Lane}, keeps running from its
 * intended time).
 */
final class LoopPool implements Sender {
  private final EventLoop loop;
  private final EngineConfig config;
  private final SslContext ssl;
  private final Lane lane;
  private final int cap;
  private final Bootstrap bootstrap;
  private final String host;
  private final int port;
  private final String hostHeader;
  private final Map<String, String> headers;

  private final ArrayDeque<Channel> idle = new ArrayDeque<>();
  private final ArrayDeque<RequestContext> waiting = new ArrayDeque<>();
  private final Set<Channel> channels = new HashSet<>();
  private int open;

  LoopPool(
      Lane lane,
      Class<? extends SocketChannel> channelType,
      EngineConfig config,
      SslContext ssl,
      int cap) {
    this.loop = lane.loop();
    this.config = config;
    this.ssl = ssl;
    this.cap = cap;
    this.lane = lane;
    this.host = config.url().getHost();
    this.port = config.port();
    boolean defaultPort = config.url().getPort() < 0;
    this.hostHeader = defaultPort ? host : host + ":" + port;
    this.headers = config.headers();
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(channelType)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ReadStamp stamp = new ReadStamp(config.clock());
                    ch.pipeline().addLast("read-stamp", stamp);
                    if (ssl != null) { // TLS: SNI, and host name checked unless insecure
                      ch.pipeline().addLast("tls", tlsHandler(ch));
                    }
                    ch.pipeline().addLast("http", new HttpClientCodec(4096, 16384, 65536));
                    ch.pipeline()
                        .addLast(
                            "exchange",
                            new Exchange(
                                LoopPool.this,
                                stamp,
                                hostHeader,
                                headers,
                                config.connectionPerRequest()));
                  }
                });
  }

  private SslHandler tlsHandler(SocketChannel ch) {
    SslHandler handler = ssl.newHandler(ch.alloc(), host, port);
    if (config.tlsOptions().verifies()) {
      SSLEngine engine = handler.engine();
      SSLParameters parameters = engine.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 2818 host name check
      engine.setSSLParameters(parameters);
    }
    return handler;
  }

  NanoClock clock() {
    return config.clock();
  }

  Protocol protocol() {
    return config.protocol();
  }

  EventLoop loop() {
    return loop;
  }

  int cap() {
    return cap;
  }

  /** A newly dispatched request: an idle connection, a new one, or a place in the queue. */
  @Override
  public void send(RequestContext r) {
    Channel ch;
    while ((ch = idle.pollFirst()) != null) {
      if (ch.isActive() && !exchange(ch).busy()) {
        assign(ch, r);
        return;
      }
    }
    if (open < cap) {
      connect(r);
    } else {
      waiting.addLast(r);
    }
  }

  private void assign(Channel ch, RequestContext r) {
    r.acquired = clock().nanoTime();
    r.channel = ch;
    exchange(ch).send(ch, r);
  }

  private static Exchange exchange(Channel ch) {
    return ch.pipeline().get(Exchange.class);
  }

  /**
   * Opens a connection for {@code r} (or for the pool when null). For https the connection counts
   * as connected once the TLS handshake is done; a failed handshake is a connect error.
   */
  private Future<Channel> connect(RequestContext r) {
    open++;
    ChannelFuture f = bootstrap.connect(host, port);
    Channel ch = f.channel();
    channels.add(ch);
    Promise<Channel> ready = loop.newPromise();
    f.addListener(
        done -> {
          SslHandler tls = done.isSuccess() ? ch.pipeline().get(SslHandler.class) : null;
          if (!done.isSuccess()) {
            ready.tryFailure(done.cause());
          } else if (tls == null) {
            ready.trySuccess(ch);
          } else {
            tls.handshakeFuture()
                .addListener(
                    hs -> {
                      if (hs.isSuccess()) {
                        ready.trySuccess(ch);
                      } else {
                        ready.tryFailure(
                            new SSLException(
                                "TLS handshake with " + host + ":" + port + " failed: "
                                    + hs.cause().getMessage(),
                                hs.cause()));
                      }
                    });
          }
        });
    ready.addListener(
        done -> {
          if (done.isSuccess()) {
            long now = clock().nanoTime();
            if (r != null && !r.done) {
              r.connected = now;
              assign(ch, r);
            } else {
              makeAvailable(ch);
            }
          } else {
            if (channels.remove(ch)) {
              open--; // else closed() already counted it
            }
            ch.close();
            if (r != null && !r.done) {
              r.lastByte = clock().nanoTime();
              complete(
                  r,
                  Outcome.CONNECT_ERROR,
                  ResponseResult.failure(
                      Outcome.CONNECT_ERROR, 0, String.valueOf(done.cause().getMessage())));
            }
            serveWaiting();
          }
        });
    return ready;
  }

  /** Opens {@code n} connections ahead of the schedule; the promise gets how many succeeded. */
  void preconnect(int n, Promise<Integer> result) {
    int[] pending = {n};
    int[] ok = {0};
    if (n == 0) {
      result.setSuccess(0);
      return;
    }
    for (int i = 0; i < n && open < cap; i++) {
      connect(null)
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  ok[0]++;
                }
                if (--pending[0] == 0) {
                  result.setSuccess(ok[0]);
                }
              });
    }
  }

  /**
   * The exchange on {@code ch} finished. The connection goes back to the pool after already-read
   * events have run, so a server that closes right after its response is seen closing first.
   */
  void release(Channel ch, boolean keepAlive) {
    if (!keepAlive) {
      ch.close();
      return;
    }
    loop.execute(() -> makeAvailable(ch));
  }

  private void makeAvailable(Channel ch) {
    if (!ch.isActive()) {
      return; // closed() already did the bookkeeping
    }
    RequestContext w = pollWaiting();
    if (w != null) {
      assign(ch, w);
    } else {
      idle.addFirst(ch);
    }
  }

  private RequestContext pollWaiting() {
    RequestContext w;
    while ((w = waiting.pollFirst()) != null) {
      if (!w.done) {
        return w;
      }
    }
    return null;
  }

  /** A connection closed (by either side). */
  void closed(Channel ch) {
    if (channels.remove(ch)) {
      open--;
    }
    idle.remove(ch);
    serveWaiting();
  }

  private void serveWaiting() {
    while (open < cap) {
      RequestContext w = pollWaiting();
      if (w == null) {
        return;
      }
      connect(w);
    }
  }

  void resendOnFreshConnection(RequestContext r) {
    r.resent = true;
    r.resetAttempt();
    if (open < cap) {
      connect(r);
    } else {
      waiting.addFirst(r);
    }
  }

  /** {@code r} timed out: out of the queue, its exchange (if any) abandoned. */
  @Override
  public void abandon(RequestContext r) {
    waiting.remove(r);
    Channel ch = r.channel;
    if (ch != null && exchange(ch) != null) {
      exchange(ch).abandon(ch);
    }
  }

  /** Ends {@code r} through the lane (the first end wins). */
  void complete(RequestContext r, Outcome outcome, ResponseResult result) {
    lane.complete(r, outcome, result);
  }

  /** Every request has ended: closes all connections. */
  @Override
  public void closeAll() {
    waiting.clear();
    for (Channel ch : new ArrayList<>(channels)) {
      ch.close();
    }
  }
}
