package dev.harness.protocol;

import java.util.Map;

/**
 * A request ready to send: everything payload- and protocol-specific, serialized ahead of the send
 * path. Target-wide headers (auth, static headers) are added by the engine.
 *
 * @param method HTTP method
 * @param pathAndQuery request target, e.g. {@code /v1/chat/completions}
 * @param headers per-request headers (content type among them)
 * @param body serialized body
 * @param payloadIndex index of the payload in its set
 * @param promptTokens known prompt tokens, or -1
 * @param expectedOutputTokens known output length (e.g. max_tokens with ignore_eos), or -1
 */
public record RequestSpec(
    String method,
    String pathAndQuery,
    Map<String, String> headers,
    byte[] body,
    int payloadIndex,
    int promptTokens,
    int expectedOutputTokens) {}
