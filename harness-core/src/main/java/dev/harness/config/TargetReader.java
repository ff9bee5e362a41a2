package dev.harness.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads {@code target:} into a {@link Target}. */
final class TargetReader {
  private TargetReader() {}

  static final List<String> KEYS =
      List.of(
          "protocol",
          "url",
          "model",
          "stream",
          "method",
          "content-type",
          "headers",
          "headers-from-env",
          "auth",
          "connection-per-request",
          "sagemaker");

  static final Map<String, ProtocolKind> PROTOCOLS = protocols();

  /** RFC 9110 section 5.6.2 token characters: header names and methods. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** POSIX portable environment variable names. */
  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final String AUTHORIZATION = "Authorization";

  /**
   * @param urlOverride replaces the plan's URL when not null; the plan's own URL is then optional
   *     (but still checked when present)
   * @param warnings where to add warnings
   */
  static Target read(MappingReader m, URI urlOverride, List<String> warnings)
      throws PlanException {
    m.allowOnly(KEYS);
    ProtocolKind protocol = m.requiredChoice("protocol", PROTOCOLS);
    if (protocol.isSageMaker()) {
      return SageMakerTargetReader.read(m, protocol, urlOverride);
    }
    if (m.has("sagemaker")) {
      throw m.errorAtKey(
          "sagemaker", "applies only to the sagemaker and sagemaker-stream protocols");
    }
    URI url = urlOverride == null || m.has("url") ? url(m, protocol) : null;
    if (urlOverride != null) {
      try {
        url = Urls.complete(urlOverride, protocol);
      } catch (IllegalArgumentException e) {
        throw new PlanException(null, 0, 0, "--url", e.getMessage());
      }
    }
    String model = m.text("model");
    if (model != null && !protocol.isLlm()) {
      throw m.errorAtKey(
          "model", "applies only to the openai-chat and openai-completions protocols");
    }
    return new Target(
        protocol,
        url,
        model,
        m.bool("stream", Defaults.stream(protocol)),
        method(m, protocol),
        contentType(m),
        headers(m, warnings),
        headersFromEnv(m),
        bearerTokenEnv(m),
        m.bool("connection-per-request", Defaults.CONNECTION_PER_REQUEST),
        null);
  }

  private static Map<String, ProtocolKind> protocols() {
    Map<String, ProtocolKind> byName = new LinkedHashMap<>();
    for (ProtocolKind p : ProtocolKind.values()) {
      byName.put(p.yamlName(), p);
    }
    return byName;
  }

  private static URI url(MappingReader m, ProtocolKind protocol) throws PlanException {
    String text = m.requiredText("url");
    try {
      return Urls.targetUrl(text, protocol);
    } catch (IllegalArgumentException e) {
      throw m.errorAt("url", e.getMessage());
    }
  }

  private static String method(MappingReader m, ProtocolKind protocol) throws PlanException {
    String method = m.text("method");
    if (method == null) {
      return Defaults.METHOD;
    }
    if (!TOKEN.matcher(method).matches()) {
      throw m.errorAt("method", "not an HTTP method: " + Nodes.quote(method));
    }
    method = method.toUpperCase(Locale.ROOT);
    if (protocol.isLlm() && !method.equals("POST")) {
      throw m.errorAt("method", "the " + protocol.yamlName() + " protocol always uses POST");
    }
    return method;
  }

  private static String contentType(MappingReader m) throws PlanException {
    String type = m.text("content-type");
    if (type == null) {
      return Defaults.CONTENT_TYPE;
    }
    if (!type.contains("/") || type.indexOf('\r') >= 0 || type.indexOf('\n') >= 0) {
      throw m.errorAt("content-type", "expected a media type such as application/json, got "
          + Nodes.quote(type));
    }
    return type;
  }

  private static Map<String, String> headers(MappingReader m, List<String> warnings)
      throws PlanException {
    Map<String, String> headers = m.textMap("headers");
    MappingReader hm = m.mapping("headers", "headers");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      requireHeaderName(hm, h.getKey());
      if (h.getValue().indexOf('\r') >= 0 || h.getValue().indexOf('\n') >= 0) {
        throw hm.errorAt(h.getKey(), "a header value must not contain a line break");
      }
      if (h.getKey().equalsIgnoreCase(AUTHORIZATION)) {
        warnings.add(hm.field(h.getKey()) + ": a secret written in the plan file; prefer "
            + "target.auth.bearer-token-env or target.headers-from-env");
      }
    }
    return headers;
  }

  private static Map<String, String> headersFromEnv(MappingReader m) throws PlanException {
    Map<String, String> fromEnv = m.textMap("headers-from-env");
    MappingReader em = m.mapping("headers-from-env", "headers-from-env");
    Map<String, String> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    m.textMap("headers").keySet().forEach(h -> seen.put(h, "target.headers"));
    for (Map.Entry<String, String> h : fromEnv.entrySet()) {
      requireHeaderName(em, h.getKey());
      requireEnvName(em, h.getKey(), h.getValue());
      if (seen.containsKey(h.getKey())) {
        throw em.errorAtKey(h.getKey(), "header is also set in " + seen.get(h.getKey()));
      }
    }
    return fromEnv;
  }

  private static String bearerTokenEnv(MappingReader m) throws PlanException {
    MappingReader auth = m.mapping("auth", "auth settings");
    if (auth == null) {
      return null;
    }
    auth.allowOnly(List.of("bearer-token-env"));
    String name = auth.text("bearer-token-env");
    if (name == null) {
      return null;
    }
    requireEnvName(auth, "bearer-token-env", name);
    Map<String, String> set = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    set.putAll(m.textMap("headers"));
    set.putAll(m.textMap("headers-from-env"));
    if (set.containsKey(AUTHORIZATION)) {
      throw auth.errorAtKey("bearer-token-env",
          "the Authorization header is also set in target.headers or target.headers-from-env");
    }
    return name;
  }

  private static void requireHeaderName(MappingReader m, String name) throws PlanException {
    if (!TOKEN.matcher(name).matches()) {
      throw m.errorAtKey(name, "not a valid HTTP header name");
    }
  }

  private static void requireEnvName(MappingReader m, String key, String name)
      throws PlanException {
    if (!ENV_NAME.matcher(name).matches()) {
      throw m.errorAt(key, "not an environment variable name (letters, digits and _): "
          + Nodes.quote(name));
    }
  }
}
