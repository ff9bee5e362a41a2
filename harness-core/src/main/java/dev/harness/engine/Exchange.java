package dev.harness.engine;

import dev.harness.protocol.ResponseResult;
import dev.harness.record.Outcome;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.util.Map;

/**
 * Last handler of a connection's pipeline: one HTTP/1.1 exchange at a time. Writes the request,
 * feeds the response to the protocol's parser with socket-read timestamps, and tells the pool how
 * the exchange ended and whether the connection can be reused.
 */
final class Exchange extends SimpleChannelInboundHandler<HttpObject> {
  private final LoopPool pool;
  private final ReadStamp stamp;
  private final String hostHeader;
  private final Map<String, String> headers;
  private final boolean closeAfterEach;

  private RequestContext current;
  private boolean keepAlive;
  private boolean used;

  Exchange(
      LoopPool pool,
      ReadStamp stamp,
      String hostHeader,
      Map<String, String> headers,
      boolean closeAfterEach) {
    this.pool = pool;
    this.stamp = stamp;
    this.hostHeader = hostHeader;
    this.headers = headers;
    this.closeAfterEach = closeAfterEach;
  }

  boolean busy() {
    return current != null;
  }

  /** Sends {@code r} on this connection. Called on the channel's event loop. */
  void send(Channel channel, RequestContext r) {
    current = r;
    r.reusedConnection = used;
    used = true;
    keepAlive = false;
    r.parser = pool.protocol().newParser(r.spec);
    FullHttpRequest req =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.valueOf(r.spec.method()),
            r.spec.pathAndQuery(),
            Unpooled.wrappedBuffer(r.spec.body()));
    req.headers().set(HttpHeaderNames.HOST, hostHeader);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      req.headers().set(h.getKey(), h.getValue());
    }
    for (Map.Entry<String, String> h : r.spec.headers().entrySet()) {
      req.headers().set(h.getKey(), h.getValue());
    }
    req.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.spec.body().length);
    if (closeAfterEach) {
      req.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    ChannelFuture f = channel.writeAndFlush(req);
    f.addListener(
        done -> {
          if (current != r) {
            return;
          }
          if (done.isSuccess()) {
            r.flushed = pool.clock().nanoTime();
          } else {
            failCurrent(channel, done.cause());
          }
        });
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
    RequestContext r = current;
    if (r == null) {
      return; // bytes nobody asked for (e.g. after a timeout closed the exchange): ignore
    }
    long t = stamp.lastReadNanos;
    if (r.firstByte < 0) {
      r.firstByte = t;
    }
    if (msg.decoderResult().isFailure()) {
      finishWithError(ctx.channel(), Outcome.PROTOCOL_ERROR, "malformed HTTP response");
      return;
    }
    if (msg instanceof HttpResponse) {
      HttpResponse resp = (HttpResponse) msg;
      keepAlive = HttpUtil.isKeepAlive(resp) && !closeAfterEach;
      r.parser.onHeaders(resp.status().code(), resp.headers(), t);
    }
    if (msg instanceof HttpContent) {
      HttpContent content = (HttpContent) msg;
      if (content.content().isReadable()) {
        r.parser.onContent(content.content(), t);
      }
      if (msg instanceof LastHttpContent) {
        ResponseResult result = r.parser.finish(t);
        r.lastByte = t;
        current = null;
        pool.complete(r, result.outcome(), result);
        pool.release(ctx.channel(), keepAlive);
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    RequestContext r = current;
    current = null;
    if (r != null && !r.done) {
      if (r.firstByte < 0 && r.reusedConnection && !r.resent) {
        // The pooled connection was closed by the server before it answered: the request never
        // reached it. Send it once more on a fresh connection, keeping its intended time.
        pool.resendOnFreshConnection(r);
      } else {
        Outcome o =
            r.firstByte < 0 && r.reusedConnection
                ? Outcome.STALE_CONNECTION
                : Outcome.CONNECTION_RESET;
        r.lastByte = pool.clock().nanoTime();
        pool.complete(r, o, null);
      }
    }
    pool.closed(ctx.channel());
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    failCurrent(ctx.channel(), cause);
  }

  private void failCurrent(Channel channel, Throwable cause) {
    RequestContext r = current;
    if (r == null) {
      channel.close();
      return;
    }
    if (cause instanceof DecoderException) {
      finishWithError(channel, Outcome.PROTOCOL_ERROR, cause.getMessage());
    } else if (cause instanceof IOException && r.firstByte < 0 && r.reusedConnection) {
      // Let channelInactive classify it (stale connection, resent once).
      channel.close();
    } else {
      finishWithError(channel, Outcome.CONNECTION_RESET, String.valueOf(cause.getMessage()));
    }
  }

  private void finishWithError(Channel channel, Outcome outcome, String detail) {
    RequestContext r = current;
    current = null;
    r.lastByte = pool.clock().nanoTime();
    pool.complete(r, outcome, ResponseResult.failure(outcome, 0, detail));
    channel.close();
  }

  /** The request timed out: abandon the exchange and the connection (its response is pending). */
  void abandon(Channel channel) {
    current = null;
    channel.close();
  }
}
