package dev.harness.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Parses one HTTP response as it arrives. Single-threaded (called on the connection's event loop).
 * Timestamps come from the engine's clock: {@code readNanos} is the time the socket read that
 * carried these bytes completed, taken once per read before any parsing.
 */
public interface ResponseParser {

  /** Status line and headers arrived. */
  void onHeaders(int status, HttpHeaders headers, long readNanos);

  /** A piece of the body arrived; the parser must not retain {@code content}. */
  void onContent(ByteBuf content, long readNanos);

  /** The response ended normally (last content received). Returns the outcome and token data. */
  ResponseResult finish(long readNanos);
}
