package dev.harness.payload;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request of a payload set, as read from its JSONL line.
 *
 * @param index 0-based position among the set's valid lines
 * @param lineNumber 1-based line number in the file
 * @param id the line's {@code id}, or {@code "line-<n>"} when absent
 * @param body the request body (a JSON object for JSON APIs, or a JSON string sent verbatim)
 * @param weight sampling weight (default 1)
 * @param promptTokens known prompt length in tokens, or -1
 * @param maxTokens known / requested output length in tokens, or -1
 */
public record Payload(
    int index,
    long lineNumber,
    String id,
    JsonNode body,
    double weight,
    int promptTokens,
    int maxTokens) {}
