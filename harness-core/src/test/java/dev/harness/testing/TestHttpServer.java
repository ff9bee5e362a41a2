package dev.harness.testing;

import dev.harness.time.DeadlineTimer;
import dev.harness.time.NanoClock;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for engine tests: answers every request
 * after a fixed delay, optionally holding every response during one stall window, optionally
 * streaming an OpenAI-style SSE response and closing the connection afterwards while advertising
 * keep-alive (as some LLM servers do).
 */
public final class TestHttpServer implements AutoCloseable {
  /** How the server answers. */
  public static final class Behaviour {
    long delayNanos = 1_000_000L;
    long stallAfterFirstRequestNanos = -1;
    long stallNanos;
    boolean streamAndClose;
    int status = 200;
    int streamTokens = 5;
    long tokenGapNanos = 1_000_000L;

    public Behaviour delayMillis(double ms) {
      delayNanos = (long) (ms * 1e6);
      return this;
    }

    /** Holds every response during [first request + after, + length). */
    public Behaviour stall(long afterMillis, long lengthMillis) {
      stallAfterFirstRequestNanos = afterMillis * 1_000_000L;
      stallNanos = lengthMillis * 1_000_000L;
      return this;
    }

    /** Streams {@code tokens} SSE chunks, then closes the connection despite keep-alive. */
    public Behaviour streamAndClose(int tokens, long gapMicros) {
      streamAndClose = true;
      streamTokens = tokens;
      tokenGapNanos = gapMicros * 1000L;
      return this;
    }

    public Behaviour status(int s) {
      status = s;
      return this;
    }
  }

  private final EventLoopGroup group;
  private final Channel server;
  private final Behaviour behaviour;
  private final AtomicLong firstRequestNanos = new AtomicLong(-1);
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final DeadlineTimer timer =
      new DeadlineTimer(NanoClock.system(), "test-server-timer", (t, e) -> e.printStackTrace());
  private final org.HdrHistogram.Recorder actualDelays = new org.HdrHistogram.Recorder(3);

  private final java.util.concurrent.ConcurrentHashMap<Long, Long> delayBySeq =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Ground truth: how long after reading it the server wrote the response to the request that
   * carried header {@code X-Harness-Seq: n}, in nanoseconds; -1 if unknown.
   */
  public long actualDelayNanos(long seq) {
    return delayBySeq.getOrDefault(seq, -1L);
  }

  /** How long after reading each request the server actually wrote its response (µs). */
  public org.HdrHistogram.Histogram actualDelays() {
    return actualDelays.getIntervalHistogram();
  }

  public TestHttpServer(Behaviour behaviour) throws InterruptedException {
    this.behaviour = behaviour;
    // epoll's timers are precise to microseconds; NIO's to about a millisecond
    boolean epoll = Epoll.isAvailable();
    this.group = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
    this.server =
        new ServerBootstrap()
            .group(group)
            .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 4096)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    connections.incrementAndGet();
                    ch.pipeline().addLast(new HttpServerCodec());
                    ch.pipeline().addLast(new HttpObjectAggregator(1 << 20));
                    ch.pipeline().addLast(new Handler());
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .sync()
            .channel();
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /**
   * Starts the stall clock again: the stall window is measured from the next request. Lets a test
   * warm the JVM up against this server first.
   */
  public void restartStallClock() {
    firstRequestNanos.set(-1);
  }

  public long requests() {
    return requests.get();
  }

  public long connections() {
    return connections.get();
  }

  private long delayFor(long now) {
    firstRequestNanos.compareAndSet(-1, now);
    long delay = behaviour.delayNanos;
    if (behaviour.stallAfterFirstRequestNanos >= 0) {
      long stallStart = firstRequestNanos.get() + behaviour.stallAfterFirstRequestNanos;
      long stallEnd = stallStart + behaviour.stallNanos;
      long ready = now + delay;
      if (ready >= stallStart && now < stallEnd) {
        delay = Math.max(delay, stallEnd - now);
      }
    }
    return delay;
  }

  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      requests.incrementAndGet();
      long readAt = System.nanoTime();
      long delay = delayFor(readAt);
      String seqHeader = req.headers().get("X-Harness-Seq");
      long seq = seqHeader == null ? -1 : Long.parseLong(seqHeader);
      timer.at(
          readAt + delay,
          () -> {
              ctx.executor()
                  .execute(
                      () -> {
                        long actual = System.nanoTime() - readAt;
                        actualDelays.recordValue(actual / 1000);
                        if (seq >= 0) {
                          delayBySeq.put(seq, actual);
                        }
                        if (behaviour.streamAndClose) {
                          stream(ctx, 0);
                        } else {
                          respond(ctx);
                        }
                      });
          });
    }

    private void respond(ChannelHandlerContext ctx) {
      ByteBuf body = Unpooled.copiedBuffer("{\"ok\":true}", StandardCharsets.UTF_8);
      FullHttpResponse resp =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(behaviour.status), body);
      resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
      resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
      resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(resp);
    }

    private void stream(ChannelHandlerContext ctx, int sent) {
      if (sent == 0) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream");
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        ctx.write(head);
        ctx.writeAndFlush(sse("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}"));
      }
      if (sent < behaviour.streamTokens) {
        ctx.writeAndFlush(
            sse(
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok"
                    + sent
                    + " \"},\"finish_reason\":"
                    + (sent + 1 == behaviour.streamTokens ? "\"stop\"" : "null")
                    + "}]}"));
        ctx.executor()
            .schedule(() -> stream(ctx, sent + 1), behaviour.tokenGapNanos, TimeUnit.NANOSECONDS);
        return;
      }
      ctx.write(
          sse(
              "{\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":"
                  + behaviour.streamTokens
                  + ",\"total_tokens\":"
                  + (10 + behaviour.streamTokens)
                  + "}}"));
      ctx.write(sse("[DONE]"));
      ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
          .addListener(ChannelFutureListener.CLOSE);
    }

    private DefaultHttpContent sse(String data) {
      return new DefaultHttpContent(
          Unpooled.copiedBuffer("data: " + data + "\n\n", StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    timer.close();
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
