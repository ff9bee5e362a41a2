package dev.harness.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTPS/1.1 server on 127.0.0.1 and an ephemeral port with a certificate from {@code
 * src/test/resources/tls/}: answers every request at once with 200 {@code {"ok":true}}.
 */
public final class HttpsTestServer implements AutoCloseable {
  private final EventLoopGroup group = new NioEventLoopGroup(1);
  private final Channel channel;
  private final AtomicLong requests = new AtomicLong();

  /** Serves {@code tls/<name>-cert.pem} with {@code tls/<name>-key.pem}. */
  public HttpsTestServer(String name) throws Exception {
    SslContext ssl;
    try (InputStream cert = resource(name + "-cert.pem");
        InputStream key = resource(name + "-key.pem")) {
      ssl = SslContextBuilder.forServer(cert, key).build();
    }
    channel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(ssl.newHandler(ch.alloc())); // TLS
                    ch.pipeline().addLast(new HttpServerCodec()); // HTTP/1.1
                    ch.pipeline().addLast(new HttpObjectAggregator(1 << 20)); // whole requests
                    ch.pipeline().addLast(new Answer()); // 200 {"ok":true}
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .sync()
            .channel();
  }

  private static InputStream resource(String file) {
    InputStream in = HttpsTestServer.class.getResourceAsStream("/tls/" + file);
    if (in == null) {
      throw new IllegalArgumentException("no test resource tls/" + file);
    }
    return in;
  }

  /** {@code https://127.0.0.1:<port><path>}. */
  public String url(String path) {
    return "https://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort() + path;
  }

  /** Requests that reached HTTP (so passed the TLS handshake). */
  public long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      requests.incrementAndGet();
      ByteBuf body = Unpooled.copiedBuffer("{\"ok\":true}", StandardCharsets.UTF_8);
      FullHttpResponse resp =
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
      resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
      resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
      HttpUtil.setKeepAlive(resp, HttpUtil.isKeepAlive(req));
      ctx.writeAndFlush(resp);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close(); // a client that refused the certificate
    }
  }
}
