package dev.harness.sim;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The JSON the simulator answers with, shaped like vLLM's OpenAI-compatible server: chat and
 * completion chunks ({@code chat.completion.chunk}, {@code text_completion}), a usage chunk with
 * empty choices, whole responses and error bodies ({@code {"error": {...}}}).
 */
final class OpenAiFormat {
  private static final String[] WORDS = {
    " Thanks", " for", " the", " details", ".", " Your", " order", " will", " be", " checked",
    " and", " we", " can", " arrange", " a", " refund", " or", " replacement", " within", " five",
    " working", " days", ",", " once", " you", " confirm", " serial", " number"
  };

  private final boolean chat;
  private final String id;
  private final long created;
  private final String model;

  OpenAiFormat(boolean chat, long requestId, long createdSeconds, String model) {
    this.chat = chat;
    this.id = (chat ? "chatcmpl-sim-" : "cmpl-sim-") + requestId;
    this.created = createdSeconds;
    this.model = quote(model);
  }

  /** The text of a request's {@code count}-th token (1-based): a word from a fixed list. */
  static String token(long requestId, int count) {
    return WORDS[(int) ((requestId * 7 + count - 1) % WORDS.length)];
  }

  private String head(String object) {
    return "{\"id\":\"" + id + "\",\"object\":\"" + object + "\",\"created\":" + created
        + ",\"model\":" + model + ",\"choices\":";
  }

  /** Chat only: the first chunk, carrying the assistant role and no content. */
  String roleChunk() {
    return head("chat.completion.chunk")
        + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
        + "\"logprobs\":null,\"finish_reason\":null}]}";
  }

  /** One token's chunk; {@code finishReason} null except on the last. */
  String tokenChunk(String text, String finishReason) {
    String finish = finishReason == null ? "null" : quote(finishReason);
    if (chat) {
      return head("chat.completion.chunk") + "[{\"index\":0,\"delta\":{\"content\":"
          + quote(text) + "},\"logprobs\":null,\"finish_reason\":" + finish + "}]}";
    }
    return head("text_completion") + "[{\"index\":0,\"text\":" + quote(text)
        + ",\"logprobs\":null,\"finish_reason\":" + finish + "}]}";
  }

  /** The usage chunk sent after the last token when {@code stream_options.include_usage}. */
  String usageChunk(int promptTokens, int outputTokens) {
    return head(chat ? "chat.completion.chunk" : "text_completion") + "[]," + usage(promptTokens,
        outputTokens) + "}";
  }

  /** A whole (non-streamed) response. */
  String whole(String text, String finishReason, int promptTokens, int outputTokens) {
    String choice =
        chat
            ? "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(text)
                + "},\"logprobs\":null,\"finish_reason\":" + quote(finishReason) + "}]"
            : "[{\"index\":0,\"text\":" + quote(text) + ",\"logprobs\":null,\"finish_reason\":"
                + quote(finishReason) + "}]";
    return head(chat ? "chat.completion" : "text_completion") + choice + ","
        + usage(promptTokens, outputTokens) + "}";
  }

  private static String usage(int promptTokens, int outputTokens) {
    return "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
        + outputTokens + ",\"total_tokens\":" + (promptTokens + outputTokens) + "}";
  }

  /** An OpenAI-style error body. */
  static String error(String message, String type, int code) {
    return "{\"error\":{\"message\":" + quote(message) + ",\"type\":" + quote(type)
        + ",\"param\":null,\"code\":" + code + "}}";
  }

  static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
