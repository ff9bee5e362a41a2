package dev.harness.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Makes every prompt unique so that a server's prefix / prompt cache cannot serve a replayed
 * request from an earlier one, by prefixing {@code "[req <sequence>] "}:
 *
 * <ul>
 *   <li>chat: the content of the first message with role {@code user} (a string, or the first
 *       {@code text} part of a content array);
 *   <li>completions: {@code prompt} as a string, or every string of a {@code prompt} array (each
 *       is its own prompt).
 * </ul>
 *
 * Bodies with neither (including string bodies and token-id prompts) come back unchanged. The
 * system prompt is left alone, as in production where it is shared and cached.
 */
public final class PromptSalter {
  private PromptSalter() {}

  /** The marker prefixed for request {@code sequence}. */
  public static String marker(long sequence) {
    return "[req " + sequence + "] ";
  }

  /** A salted deep copy of {@code body}; the argument is never modified. */
  public static JsonNode salt(JsonNode body, long sequence) {
    if (body == null) {
      throw new IllegalArgumentException("body to salt must not be null");
    }
    JsonNode copy = body.deepCopy();
    if (!copy.isObject()) {
      return copy;
    }
    ObjectNode object = (ObjectNode) copy;
    String marker = marker(sequence);
    JsonNode messages = object.get("messages");
    if (messages != null && messages.isArray()) {
      saltFirstUserMessage((ArrayNode) messages, marker);
      return copy;
    }
    JsonNode prompt = object.get("prompt");
    if (prompt != null && prompt.isTextual()) {
      object.put("prompt", marker + prompt.asText());
    } else if (prompt != null && prompt.isArray()) {
      ArrayNode prompts = (ArrayNode) prompt;
      for (int i = 0; i < prompts.size(); i++) {
        if (prompts.get(i).isTextual()) {
          prompts.set(i, TextNode.valueOf(marker + prompts.get(i).asText()));
        }
      }
    }
    return copy;
  }

  private static void saltFirstUserMessage(ArrayNode messages, String marker) {
    for (JsonNode message : messages) {
      if (!message.isObject() || !"user".equals(message.path("role").asText())) {
        continue;
      }
      ObjectNode m = (ObjectNode) message;
      JsonNode content = m.get("content");
      if (content != null && content.isTextual()) {
        m.put("content", marker + content.asText());
      } else if (content != null && content.isArray()) {
        for (JsonNode part : content) {
          JsonNode text = part.get("text");
          if (part.isObject() && text != null && text.isTextual()) {
            ((ObjectNode) part).put("text", marker + text.asText());
            break;
          }
        }
      }
      return;
    }
  }
}
