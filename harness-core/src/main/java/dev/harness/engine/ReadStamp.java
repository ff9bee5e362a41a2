package dev.harness.engine;

import dev.harness.time.NanoClock;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First handler of the pipeline: takes the clock once per socket read, before TLS or HTTP
 * parsing, so every event parsed from those bytes (first byte, tokens, last byte) carries the time
 * the bytes actually arrived.
 */
final class ReadStamp extends ChannelInboundHandlerAdapter {
  private final NanoClock clock;
  long lastReadNanos = -1;

  ReadStamp(NanoClock clock) {
    this.clock = clock;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    lastReadNanos = clock.nanoTime();
    ctx.fireChannelRead(msg);
  }
}
