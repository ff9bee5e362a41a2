package dev.harness.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * Reads a target of the sagemaker protocols: {@code protocol} and the {@code sagemaker:} mapping,
 * nothing else (the SDK sends the request; URL, headers and auth come from the SageMaker settings).
 */
final class SageMakerTargetReader {
  private SageMakerTargetReader() {}

  static final List<String> KEYS =
      List.of(
          "endpoint",
          "region",
          "profile",
          "use-instance-metadata",
          "target-variant",
          "target-model",
          "inference-component",
          "custom-attributes",
          "endpoint-url",
          "content-type",
          "accept");

  /**
   * @param target the {@code target:} mapping
   * @param urlOverride {@code --url}: replaces {@code endpoint-url} when not null
   */
  static Target read(MappingReader target, ProtocolKind protocol, URI urlOverride)
      throws PlanException {
    for (String key : target.keys()) {
      if (!key.equals("protocol") && !key.equals("sagemaker")) {
        throw target.errorAtKey(key, "does not apply to the " + protocol.yamlName()
            + " protocol; the SDK builds the request from target.sagemaker (keys: "
            + String.join(", ", KEYS) + ")");
      }
    }
    if (!target.has("sagemaker")) {
      target.required("sagemaker"); // throws: missing, or present without a value
    }
    MappingReader m = target.mapping("sagemaker", "the SageMaker settings");
    m.allowOnly(KEYS);
    boolean stream = protocol == ProtocolKind.SAGEMAKER_STREAM;
    String endpoint = m.requiredText("endpoint");
    check(m, "endpoint", SageMakerTarget.nameProblem(endpoint, true));
    String region = m.text("region");
    check(m, "region", SageMakerTarget.regionProblem(region));
    String profile = m.text("profile");
    boolean instanceMetadata =
        m.bool("use-instance-metadata", Defaults.SAGEMAKER_USE_INSTANCE_METADATA);
    if (profile != null && instanceMetadata) {
      throw m.errorAtKey("use-instance-metadata",
          "applies only to the default credentials chain; remove it or remove profile");
    }
    String variant = m.text("target-variant");
    check(m, "target-variant", SageMakerTarget.nameProblem(variant, false));
    String model = header(m, "target-model");
    if (model != null && stream) {
      throw m.errorAtKey("target-model", "InvokeEndpointWithResponseStream has no target model; "
          + "use protocol sagemaker or an inference component");
    }
    String component = m.text("inference-component");
    check(m, "inference-component", SageMakerTarget.nameProblem(component, false));
    String contentType = header(m, "content-type");
    if (contentType != null && !contentType.contains("/")) {
      throw m.errorAt("content-type",
          "expected a media type such as application/json, got " + Nodes.quote(contentType));
    }
    URI endpointUrl = urlOverride != null ? urlOverride : endpointUrl(m);
    if (urlOverride != null) {
      String problem = SageMakerTarget.endpointUrlProblem(urlOverride);
      if (problem != null) {
        throw new PlanException(null, 0, 0, "--url", problem);
      }
    }
    SageMakerTarget settings =
        new SageMakerTarget(
            endpoint,
            region,
            profile,
            instanceMetadata,
            variant,
            model,
            component,
            header(m, "custom-attributes"),
            endpointUrl,
            contentType != null ? contentType : Defaults.CONTENT_TYPE, // as target.content-type
            header(m, "accept"));
    return new Target(
        protocol,
        settings.invocationUrl(stream),
        null,
        stream,
        Defaults.METHOD,
        settings.contentType(),
        Map.of(),
        Map.of(),
        null,
        Defaults.CONNECTION_PER_REQUEST,
        null,
        settings);
  }

  private static String header(MappingReader m, String key) throws PlanException {
    String value = m.text(key);
    check(m, key, SageMakerTarget.headerProblem(value));
    return value;
  }

  private static URI endpointUrl(MappingReader m) throws PlanException {
    String text = m.text("endpoint-url");
    if (text == null) {
      return null;
    }
    URI url;
    try {
      url = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw m.errorAt("endpoint-url", "not a valid URL: " + e.getReason());
    }
    check(m, "endpoint-url", SageMakerTarget.endpointUrlProblem(url));
    return url;
  }

  private static void check(MappingReader m, String key, String problem) throws PlanException {
    if (problem != null) {
      throw m.has(key)
          ? m.errorAt(key, problem)
          : Nodes.error(m.file(), m.node(), m.field(key), problem);
    }
  }
}
