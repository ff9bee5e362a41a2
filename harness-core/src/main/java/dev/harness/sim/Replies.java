package dev.harness.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;

/** Writing HTTP/1.1 responses: whole bodies, SSE heads and events; keep-alive honoured. */
final class Replies {
  private Replies() {}

  static void send(
      ChannelHandlerContext ctx, int status, String contentType, String body, boolean keepAlive) {
    ByteBuf bytes = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
    FullHttpResponse resp =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), bytes);
    resp.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.readableBytes());
    connection(resp, keepAlive);
    closeUnlessKeptAlive(ctx.writeAndFlush(resp), keepAlive);
  }

  static void json(ChannelHandlerContext ctx, int status, String body, boolean keepAlive) {
    send(ctx, status, "application/json", body, keepAlive);
  }

  /** The head of an SSE response (chunked). */
  static void sseHead(ChannelHandlerContext ctx, boolean keepAlive) {
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    connection(head, keepAlive);
    ctx.write(head);
  }

  /** One {@code data: ...} event (not flushed). */
  static HttpContent event(String data) {
    return new DefaultHttpContent(
        Unpooled.copiedBuffer("data: " + data + "\n\n", StandardCharsets.UTF_8));
  }

  /** Ends a streamed response and flushes. */
  static void end(ChannelHandlerContext ctx, boolean keepAlive) {
    closeUnlessKeptAlive(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
  }

  private static void connection(HttpResponse resp, boolean keepAlive) {
    resp.headers()
        .set(
            HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
  }

  private static void closeUnlessKeptAlive(ChannelFuture f, boolean keepAlive) {
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }
}
