package dev.harness.config;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where and how to call a SageMaker real-time endpoint ({@code target.sagemaker} in a plan).
 * Credentials are never held here: only the name of a profile, resolved once when the run starts.
 * The limits checked here are those of the SageMaker runtime API reference (InvokeEndpoint request
 * parameters).
 *
 * @param endpoint endpoint name
 * @param region AWS region, always explicit (e.g. {@code us-east-1})
 * @param profile named credentials profile, or null for the default chain
 * @param useInstanceMetadata whether the default chain may ask the EC2 instance metadata service
 *     (only without a profile)
 * @param targetVariant production variant to send to ({@code X-Amzn-SageMaker-Target-Variant}), or
 *     null
 * @param targetModel model of a multi-model endpoint ({@code X-Amzn-SageMaker-Target-Model}), or
 *     null; InvokeEndpoint only
 * @param inferenceComponent inference component name, or null
 * @param customAttributes opaque {@code X-Amzn-SageMaker-Custom-Attributes} value, or null
 * @param endpointUrl http(s) base URL that replaces the regional runtime endpoint (a simulator,
 *     a VPC endpoint, WireMock), without a path; or null
 * @param contentType request content type
 * @param accept requested response type, or null
 */
public record SageMakerTarget(
    String endpoint,
    String region,
    String profile,
    boolean useInstanceMetadata,
    String targetVariant,
    String targetModel,
    String inferenceComponent,
    String customAttributes,
    URI endpointUrl,
    String contentType,
    String accept) {

  /** Largest request body SageMaker real-time inference accepts: 6 MB. */
  public static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

  /** Endpoint, variant and inference component names: {@code [a-zA-Z0-9](-*[a-zA-Z0-9])*}. */
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9])*");

  private static final int MAX_NAME_CHARS = 63;

  /** Region names such as {@code us-east-1}, {@code us-gov-west-1}, {@code eu-central-2}. */
  private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z]+)+-[0-9]+");

  private static final int MAX_HEADER_CHARS = 1024;

  private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]*");

  public SageMakerTarget {
    require("endpoint", nameProblem(endpoint, true));
    require("region", regionProblem(region));
    if (profile != null && profile.isBlank()) {
      throw new IllegalArgumentException("profile: must not be blank");
    }
    if (profile != null && useInstanceMetadata) {
      throw new IllegalArgumentException(
          "use-instance-metadata: applies only to the default credentials chain, not to profile "
              + profile);
    }
    require("target-variant", nameProblem(targetVariant, false));
    require("target-model", headerProblem(targetModel));
    require("inference-component", nameProblem(inferenceComponent, false));
    require("custom-attributes", headerProblem(customAttributes));
    require("endpoint-url", endpointUrlProblem(endpointUrl));
    if (contentType == null) {
      throw new IllegalArgumentException("content-type: is required");
    }
    require("content-type", headerProblem(contentType));
    require("accept", headerProblem(accept));
  }

  /**
   * The URL requests go to: {@link #endpointUrl} or the regional runtime endpoint, with the
   * invocation path, e.g. {@code
   * https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/x/invocations}.
   */
  public URI invocationUrl(boolean stream) {
    String base =
        endpointUrl != null
            ? endpointUrl.toString()
            : "https://runtime.sagemaker." + region + ".amazonaws.com";
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(
        base + "/endpoints/" + endpoint
            + (stream ? "/invocations-response-stream" : "/invocations"));
  }

  private static void require(String field, String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(field + ": " + problem);
    }
  }

  /** The problem with an endpoint, variant or component name, or null; null is fine if optional. */
  static String nameProblem(String name, boolean required) {
    if (name == null) {
      return required ? "is required" : null;
    }
    if (name.length() > MAX_NAME_CHARS || !NAME.matcher(name).matches()) {
      return "expected a SageMaker name (up to " + MAX_NAME_CHARS
          + " letters, digits and inner hyphens), got " + Nodes.quote(name);
    }
    return null;
  }

  static String regionProblem(String region) {
    if (region == null) {
      return "is required (there is no implicit region)";
    }
    if (!REGION.matcher(region).matches()) {
      return "expected an AWS region such as us-east-1, got " + Nodes.quote(region);
    }
    return null;
  }

  /** What is wrong with a value sent as an HTTP header, or null (null is allowed). */
  static String headerProblem(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > MAX_HEADER_CHARS) {
      return "at most " + MAX_HEADER_CHARS + " characters, got " + value.length();
    }
    if (!PRINTABLE_ASCII.matcher(value).matches()) {
      return "only printable ASCII characters are allowed";
    }
    return null;
  }

  static String endpointUrlProblem(URI url) {
    if (url == null) {
      return null;
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "must be an http:// or https:// URL, got " + Nodes.quote(url.toString());
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      return "needs a host, e.g. http://127.0.0.1:8000, got " + Nodes.quote(url.toString());
    }
    String path = url.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/"))
        || url.getRawQuery() != null
        || url.getRawFragment() != null) {
      return "must be a base URL without a path or query (the SDK adds /endpoints/<name>/...), got "
          + Nodes.quote(url.toString());
    }
    return null;
  }
}
