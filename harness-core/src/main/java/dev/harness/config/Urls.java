package dev.harness.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Target URLs: only absolute http(s) URLs with a host, and the protocol's path filled in when the
 * plan leaves it out. For the OpenAI protocols an empty path or {@code /} becomes {@link
 * ProtocolKind#defaultPath()}, and a path ending in {@code /v1} gets {@code /chat/completions} or
 * {@code /completions} appended; any other path is used as written. For the Triton protocols an
 * empty path or {@code /} becomes {@code /v2/models/<model>[/versions/<version>]/<endpoint>}, the
 * endpoint being {@code infer}, {@code generate} or (streamed) {@code generate_stream}.
 */
final class Urls {
  private Urls() {}

  /**
   * Parses and completes {@code text}.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static URI targetUrl(String text, ProtocolKind protocol) {
    return targetUrl(text, protocol, null, null, false);
  }

  /**
   * Parses and completes {@code text}; {@code model}, {@code modelVersion} (either may be null) and
   * {@code stream} only matter for the Triton protocols.
   */
  static URI targetUrl(
      String text, ProtocolKind protocol, String model, String modelVersion, boolean stream) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + e.getReason());
    }
    return complete(uri, protocol, model, modelVersion, stream);
  }

  /** Checks an already parsed URL and fills in the path. */
  static URI complete(URI uri, ProtocolKind protocol) {
    return complete(uri, protocol, null, null, false);
  }

  /** Checks an already parsed URL and fills in the path (Triton: from model and version). */
  static URI complete(
      URI uri, ProtocolKind protocol, String model, String modelVersion, boolean stream) {
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException(
          "must be an http:// or https:// URL, got " + Nodes.quote(uri.toString()));
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          "needs a host, e.g. http://127.0.0.1:8000, got " + Nodes.quote(uri.toString()));
    }
    String path = uri.getRawPath();
    if (protocol.isTriton() && (path == null || path.isEmpty() || path.equals("/"))) {
      path = tritonPath(protocol, model, modelVersion, stream);
    } else {
      path = completePath(path, protocol);
    }
    StringBuilder sb = new StringBuilder(scheme).append("://").append(uri.getRawAuthority());
    sb.append(path);
    if (uri.getRawQuery() != null) {
      sb.append('?').append(uri.getRawQuery());
    }
    return URI.create(sb.toString());
  }

  /** {@code /v2/models/<model>[/versions/<version>]/<infer|generate|generate_stream>}. */
  static String tritonPath(
      ProtocolKind protocol, String model, String modelVersion, boolean stream) {
    if (model == null) {
      throw new IllegalArgumentException(
          "the " + protocol.yamlName() + " protocol needs target.model to build the path");
    }
    String endpoint =
        protocol == ProtocolKind.TRITON_INFER ? "infer" : stream ? "generate_stream" : "generate";
    String version = modelVersion == null ? "" : "/versions/" + modelVersion;
    return "/v2/models/" + model + version + "/" + endpoint;
  }

  private static String completePath(String path, ProtocolKind protocol) {
    if (protocol.isTriton()) {
      return path; // a path of the user's own, used as written
    }
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
