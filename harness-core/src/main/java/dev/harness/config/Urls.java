package dev.harness.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Target URLs: only absolute http(s) URLs with a host, and the protocol's path filled in when the
 * plan leaves it out. For the OpenAI protocols an empty path or {@code /} becomes {@link
 * ProtocolKind#defaultPath()}, and a path ending in {@code /v1} gets {@code /chat/completions} or
 * {@code /completions} appended; any other path is used as written.
 */
final class Urls {
  private Urls() {}

  /**
   * Parses and completes {@code text}.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static URI targetUrl(String text, ProtocolKind protocol) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + e.getReason());
    }
    return complete(uri, protocol);
  }

  /** Checks an already parsed URL and fills in the path. */
  static URI complete(URI uri, ProtocolKind protocol) {
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException(
          "must be an http:// or https:// URL, got " + Nodes.quote(uri.toString()));
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          "needs a host, e.g. http://127.0.0.1:8000, got " + Nodes.quote(uri.toString()));
    }
    String path = completePath(uri.getRawPath(), protocol);
    StringBuilder sb = new StringBuilder(scheme).append("://").append(uri.getRawAuthority());
    sb.append(path);
    if (uri.getRawQuery() != null) {
      sb.append('?').append(uri.getRawQuery());
    }
    return URI.create(sb.toString());
  }

  private static String completePath(String path, ProtocolKind protocol) {
    if (path == null || path.isEmpty() || (protocol.isLlm() && path.equals("/"))) {
      return protocol.defaultPath();
    }
    if (protocol.isLlm()) {
      String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      if (trimmed.endsWith("/v1")) {
        String suffix =
            protocol == ProtocolKind.OPENAI_CHAT ? "/chat/completions" : "/completions";
        return trimmed + suffix;
      }
    }
    return path;
  }
}
