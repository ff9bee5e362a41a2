package dev.harness.sim;

import io.netty.channel.ChannelHandlerContext;

/**
 * One OpenAI request in the LLM model: what was asked, its computed times, and how its tokens are
 * written. The times are set under the backend's lock; the writes run on the channel's event loop.
 * Other wire formats of the same model override {@link #writeToken} ({@link TritonCall}) or
 * pass a {@link TokenWriter} (SageMaker's event stream).
 */
class LlmCall {

  /** Writes a call's tokens in a wire format other than OpenAI's (SageMaker's event stream). */
  interface TokenWriter {
    /** Same contract as {@link LlmCall#writeToken}; the channel is active. */
    void write(LlmCall call, int count, boolean last);
  }

  final long id;
  final long seq;
  final ChannelHandlerContext ctx;
  final boolean keepAlive;
  final boolean stream;
  final boolean includeUsage;
  final boolean chat;
  final OpenAiFormat format;
  final int promptTokens;
  final int outputTokens;
  final String finishReason;
  /** Null: OpenAI (SSE or whole JSON, by {@link #stream}). */
  final TokenWriter writer;
  long arrival;
  long start;
  long firstToken;

  LlmCall(
      long id,
      long seq,
      ChannelHandlerContext ctx,
      boolean keepAlive,
      boolean chat,
      boolean stream,
      boolean includeUsage,
      OpenAiFormat format,
      int promptTokens,
      int outputTokens,
      String finishReason) {
    this(id, seq, ctx, keepAlive, chat, stream, includeUsage, format, promptTokens, outputTokens,
        finishReason, null);
  }

  LlmCall(
      long id,
      long seq,
      ChannelHandlerContext ctx,
      boolean keepAlive,
      boolean chat,
      boolean stream,
      boolean includeUsage,
      OpenAiFormat format,
      int promptTokens,
      int outputTokens,
      String finishReason,
      TokenWriter writer) {
    this.writer = writer;
    this.id = id;
    this.seq = seq;
    this.ctx = ctx;
    this.keepAlive = keepAlive;
    this.chat = chat;
    this.stream = stream;
    this.includeUsage = includeUsage;
    this.format = format;
    this.promptTokens = promptTokens;
    this.outputTokens = outputTokens;
    this.finishReason = finishReason;
  }

  /** Writes the {@code count}-th token (1-based). Runs on the channel's event loop. */
  void writeToken(int count, boolean last) {
    if (!ctx.channel().isActive()) {
      return; // the client went away; the model finishes the sequence regardless
    }
    if (writer != null) {
      writer.write(this, count, last);
      return;
    }
    if (!stream) {
      if (last) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= outputTokens; i++) {
          text.append(OpenAiFormat.token(id, i));
        }
        Replies.json(
            ctx, 200, format.whole(text.toString(), finishReason, promptTokens, outputTokens),
            keepAlive);
      }
      return;
    }
    if (count == 1) {
      Replies.sseHead(ctx, keepAlive);
      if (chat) {
        ctx.write(Replies.event(format.roleChunk()));
      }
    }
    ctx.write(
        Replies.event(format.tokenChunk(OpenAiFormat.token(id, count), last ? finishReason : null)));
    if (!last) {
      ctx.flush();
      return;
    }
    if (includeUsage) {
      ctx.write(Replies.event(format.usageChunk(promptTokens, outputTokens)));
    }
    ctx.write(Replies.event("[DONE]"));
    Replies.end(ctx, keepAlive);
  }
}
