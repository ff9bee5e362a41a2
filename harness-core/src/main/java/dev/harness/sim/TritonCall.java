package dev.harness.sim;

import io.netty.channel.ChannelHandlerContext;

/**
 * One request of Triton's generate extension in the LLM model: the same virtual-time model as the
 * OpenAI paths, written the way Triton writes it. {@code generate} answers one JSON object, {@code
 * generate_stream} one SSE event per token, {@code data: {"model_name": ..., "model_version": ...,
 * "text_output": ...}}, and ends with the body (no {@code [DONE]}). As the vLLM backend does on
 * request, {@code num_input_tokens} and {@code num_output_tokens} (the tokens of this response) are
 * added when the request set {@code return_num_input_tokens} / {@code return_num_output_tokens}.
 */
final class TritonCall extends LlmCall {
  private final String head;
  private final boolean returnInputTokens;
  private final boolean returnOutputTokens;

  TritonCall(
      long id,
      long seq,
      ChannelHandlerContext ctx,
      boolean keepAlive,
      boolean stream,
      String model,
      String version,
      boolean returnInputTokens,
      boolean returnOutputTokens,
      int promptTokens,
      int outputTokens,
      String finishReason) {
    super(id, seq, ctx, keepAlive, false, stream, false, null, promptTokens, outputTokens,
        finishReason);
    this.head =
        "{\"model_name\":" + OpenAiFormat.quote(model) + ",\"model_version\":"
            + OpenAiFormat.quote(version);
    this.returnInputTokens = returnInputTokens;
    this.returnOutputTokens = returnOutputTokens;
  }

  @Override
  void writeToken(int count, boolean last) {
    if (!ctx.channel().isActive()) {
      return; // the client went away; the model finishes the sequence regardless
    }
    if (!stream) {
      if (last) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= outputTokens; i++) {
          text.append(OpenAiFormat.token(id, i));
        }
        Replies.json(ctx, 200, response(text.toString(), true, outputTokens), keepAlive);
      }
      return;
    }
    if (count == 1) {
      Replies.sseHead(ctx, keepAlive);
    }
    ctx.write(Replies.event(response(OpenAiFormat.token(id, count), count == 1, 1)));
    if (last) {
      Replies.end(ctx, keepAlive);
    } else {
      ctx.flush();
    }
  }

  private String response(String text, boolean first, int tokens) {
    StringBuilder sb = new StringBuilder(head);
    sb.append(",\"text_output\":").append(OpenAiFormat.quote(text));
    if (returnInputTokens && first) {
      sb.append(",\"num_input_tokens\":").append(promptTokens);
    }
    if (returnOutputTokens) {
      sb.append(",\"num_output_tokens\":").append(tokens);
    }
    return sb.append('}').toString();
  }
}
