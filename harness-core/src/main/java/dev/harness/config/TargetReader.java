package dev.harness.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
          "model-version",
          "tls",
          "sagemaker");

  static final Map<String, ProtocolKind> PROTOCOLS = protocols();

  /** RFC 9110 section 5.6.2 token characters: header names and methods. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** POSIX portable environment variable names. */
  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final String AUTHORIZATION = "Authorization";

  /** Model names that can stand in a Triton URL path unescaped. */
  private static final Pattern TRITON_MODEL = Pattern.compile("[A-Za-z0-9_.-]+");

  private static final Pattern VERSION = Pattern.compile("[0-9]+");

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
    String model = model(m, protocol);
    String modelVersion = modelVersion(m, protocol);
    boolean stream = m.bool("stream", Defaults.stream(protocol));
    URI url =
        urlOverride == null || m.has("url") ? url(m, protocol, model, modelVersion, stream) : null;
    if (urlOverride != null) {
      try {
        url = Urls.complete(urlOverride, protocol, model, modelVersion, stream);
      } catch (IllegalArgumentException e) {
        throw new PlanException(null, 0, 0, "--url", e.getMessage());
      }
    }
    if (modelVersion != null && !url.getRawPath().contains("/versions/" + modelVersion + "/")) {
      throw m.errorAt("model-version", "the URL path " + Nodes.quote(url.getRawPath())
          + " is used as written and names another or no version; drop the path from the URL "
          + "or put /versions/" + modelVersion + " in it");
    }
    return new Target(
        protocol,
        url,
        model,
        stream,
        method(m, protocol),
        contentType(m),
        headers(m, warnings),
        headersFromEnv(m),
        bearerTokenEnv(m),
        m.bool("connection-per-request", Defaults.CONNECTION_PER_REQUEST),
        tls(m, url, warnings),
        null);
  }

  private static String model(MappingReader m, ProtocolKind protocol) throws PlanException {
    String model = m.text("model");
    if (protocol.isTriton()) {
      if (model == null) {
        throw m.errorAtKey("model", "is required for the " + protocol.yamlName()
            + " protocol: the model name in /v2/models/<model>/...");
      }
      if (!TRITON_MODEL.matcher(model).matches()) {
        throw m.errorAt("model", "not a Triton model name (letters, digits, '_', '.', '-'): "
            + Nodes.quote(model));
      }
    } else if (model != null && !protocol.isLlm()) {
      throw m.errorAtKey("model",
          "applies only to the openai-chat, openai-completions and triton protocols");
    }
    return model;
  }

  private static String modelVersion(MappingReader m, ProtocolKind protocol)
      throws PlanException {
    String version = m.text("model-version");
    if (version == null) {
      return null;
    }
    if (!protocol.isTriton()) {
      throw m.errorAtKey("model-version",
          "applies only to the triton-infer and triton-generate protocols");
    }
    if (!VERSION.matcher(version).matches()) {
      throw m.errorAt("model-version", "expected a version number such as \"1\", got "
          + Nodes.quote(version));
    }
    return version;
  }

  private static TlsOptions tls(MappingReader m, URI url, List<String> warnings)
      throws PlanException {
    MappingReader t = m.mapping("tls", "TLS settings");
    if (t == null) {
      return TlsOptions.systemDefault();
    }
    t.allowOnly(List.of("ca-file", "insecure"));
    boolean insecure = t.bool("insecure", false);
    Path caFile = null;
    if (t.has("ca-file")) {
      if (insecure) {
        throw t.errorAtKey("ca-file",
            "insecure: true already trusts every certificate; keep only one of the two");
      }
      caFile = caFile(t);
    }
    if (!"https".equalsIgnoreCase(url.getScheme())) {
      warnings.add(m.field("tls") + ": has no effect on the http:// URL " + url);
    } else if (insecure) {
      warnings.add(t.field("insecure") + ": TLS certificate verification is OFF for "
          + url.getScheme() + "://" + url.getRawAuthority()
          + ": results are not evidence of a secure deployment");
    }
    return new TlsOptions(caFile, insecure);
  }

  private static Path caFile(MappingReader t) throws PlanException {
    String text = t.requiredText("ca-file");
    Path dir = t.file() == null ? null : t.file().getParent();
    Path base = dir != null ? dir : Path.of("");
    Path file;
    try {
      file = base.resolve(text).normalize();
    } catch (InvalidPathException e) {
      throw t.errorAt("ca-file", "not a valid path: " + e.getReason());
    }
    if (!Files.isRegularFile(file)) {
      throw t.errorAt("ca-file", file + " does not exist or is not a file (relative paths start "
          + "at the plan's directory)");
    }
    try {
      TlsOptions.readPem(file);
    } catch (IOException e) {
      throw t.errorAt("ca-file", e.getMessage());
    }
    return file;
  }

  private static Map<String, ProtocolKind> protocols() {
    Map<String, ProtocolKind> byName = new LinkedHashMap<>();
    for (ProtocolKind p : ProtocolKind.values()) {
      byName.put(p.yamlName(), p);
    }
    return byName;
  }

  private static URI url(MappingReader m, ProtocolKind protocol, String model,
      String modelVersion, boolean stream) throws PlanException {
    String text = m.requiredText("url");
    try {
      return Urls.targetUrl(text, protocol, model, modelVersion, stream);
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
    if ((protocol.isLlm() || protocol.isTriton()) && !method.equals("POST")) {
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
