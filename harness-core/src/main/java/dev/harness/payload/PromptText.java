package dev.harness.payload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The prompt text of a request body, for token estimates.
 *
 * <ul>
 *   <li>chat ({@code messages} array): every message's content, a string or the {@code text} of
 *       each part of a content array, joined with newlines;
 *   <li>completions ({@code prompt}): the string, or the strings of an array joined with newlines;
 *   <li>anything else: none.
 * </ul>
 */
public final class PromptText {
  private PromptText() {}

  /** The prompt text, or null when the body has none. */
  public static String of(JsonNode body) {
    if (body == null || !body.isObject()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    JsonNode messages = body.get("messages");
    JsonNode prompt = body.get("prompt");
    if (messages != null && messages.isArray()) {
      for (JsonNode message : messages) {
        addContent(message.get("content"), parts);
      }
    } else if (prompt != null && prompt.isTextual()) {
      parts.add(prompt.asText());
    } else if (prompt != null && prompt.isArray()) {
      for (JsonNode p : prompt) {
        if (p.isTextual()) {
          parts.add(p.asText());
        }
      }
    } else {
      return null;
    }
    return parts.isEmpty() ? null : String.join("\n", parts);
  }

  private static void addContent(JsonNode content, List<String> parts) {
    if (content == null) {
      return;
    }
    if (content.isTextual()) {
      parts.add(content.asText());
    } else if (content.isArray()) {
      for (JsonNode part : content) {
        JsonNode text = part.get("text");
        if (text != null && text.isTextual()) {
          parts.add(text.asText());
        }
      }
    }
  }
}
