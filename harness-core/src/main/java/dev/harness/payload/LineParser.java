package dev.harness.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * Turns one JSONL line into a {@link Payload}; see docs/payloads.md for the format.
 *
 * <ul>
 *   <li>Wrapper form, recognised by a {@code body} key: {@code {"id", "weight", "prompt_tokens",
 *       "max_tokens", "body"}}, where {@code body} is an object or a string sent verbatim; other
 *       keys are rejected (a typo would otherwise be silently ignored).
 *   <li>Bare form: the line is the body; {@code id}, {@code weight} and {@code prompt_tokens} are
 *       read and removed, {@code max_tokens} (else {@code max_completion_tokens}) is read and kept.
 * </ul>
 *
 * Thread-safe.
 */
final class LineParser {
  static final Set<String> WRAPPER_KEYS =
      Set.of("id", "weight", "prompt_tokens", "max_tokens", "body");

  private final ObjectMapper mapper =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A line that breaks the format; the message says what is wrong, without file and line. */
  static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;

    BadLine(String message) {
      super(message);
    }
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** True when the bytes hold only spaces and tabs. */
  static boolean isBlank(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  Payload parse(byte[] bytes, int length, int index, long lineNumber) throws BadLine {
    JsonNode node;
    try {
      node = mapper.readTree(bytes, 0, length);
    } catch (JsonProcessingException e) {
      String what = e.getOriginalMessage().lines().findFirst().orElse("");
      throw new BadLine(
          "not valid JSON: " + what + " at column " + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw new BadLine("not valid JSON: " + e.getMessage());
    }
    if (!node.isObject()) {
      throw new BadLine("expected a JSON object, got " + describe(node));
    }
    ObjectNode line = (ObjectNode) node;
    String fallbackId = "line-" + lineNumber;
    if (line.has("body")) {
      for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!WRAPPER_KEYS.contains(name)) {
          throw new BadLine(
              "unknown key '" + name + "' beside 'body' (a wrapper line may have " + WRAPPER_KEYS
                  + ")");
        }
      }
      JsonNode body = line.get("body");
      if (!body.isObject() && !body.isTextual()) {
        throw new BadLine("body must be a JSON object or a string, got " + describe(body));
      }
      int maxTokens = count(line, "max_tokens");
      if (maxTokens < 0 && body.isObject()) {
        maxTokens = maxTokensOf(body);
      }
      return new Payload(
          index,
          lineNumber,
          id(line, fallbackId),
          body,
          weight(line),
          count(line, "prompt_tokens"),
          maxTokens);
    }
    String id = id(line, fallbackId);
    double weight = weight(line);
    int promptTokens = count(line, "prompt_tokens");
    int maxTokens = maxTokensOf(line);
    line.remove("id");
    line.remove("weight");
    line.remove("prompt_tokens");
    return new Payload(index, lineNumber, id, line, weight, promptTokens, maxTokens);
  }

  private static int maxTokensOf(JsonNode body) throws BadLine {
    int maxTokens = count(body, "max_tokens");
    return maxTokens >= 0 ? maxTokens : count(body, "max_completion_tokens");
  }

  private static String id(JsonNode line, String fallback) throws BadLine {
    JsonNode id = line.get("id");
    if (id == null || id.isNull()) {
      return fallback;
    }
    if (!id.isTextual() && !id.isNumber()) {
      throw new BadLine("id must be a string or a number, got " + describe(id));
    }
    return id.asText();
  }

  private static double weight(JsonNode line) throws BadLine {
    JsonNode weight = line.get("weight");
    if (weight == null || weight.isNull()) {
      return 1;
    }
    if (!weight.isNumber()) {
      throw new BadLine("weight must be a number > 0, got " + describe(weight));
    }
    double w = weight.asDouble();
    if (!(w > 0) || Double.isInfinite(w)) {
      throw new BadLine("weight must be > 0, got " + weight);
    }
    return w;
  }

  /** A non-negative integer field, or -1 when absent or null. */
  private static int count(JsonNode line, String field) throws BadLine {
    JsonNode value = line.get(field);
    if (value == null || value.isNull()) {
      return -1;
    }
    if (!value.isNumber()
        || !value.canConvertToExactIntegral()
        || value.asDouble() < 0
        || value.asDouble() > Integer.MAX_VALUE) {
      throw new BadLine(field + " must be a non-negative integer, got " + describe(value));
    }
    return value.asInt();
  }

  /** The node's JSON type, with its value when short. */
  static String describe(JsonNode node) {
    String type = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    if (node.isContainerNode()) {
      return "an " + (node.isArray() ? "array" : "object");
    }
    String text = node.toString();
    return type + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
  }
}
