package dev.harness.protocol;

import dev.harness.config.Target;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the endpoint, before a run, whether it is ready: a GET of each of the protocol's {@link
 * Protocol#readinessPaths()} in order must answer 2xx. Runs off the measured path, with the JDK
 * HTTP client, the target's TLS options and its headers (authentication included).
 *
 * <pre>{@code
 * ReadinessCheck.check(plan.target(), protocol, resolvedHeaders, Duration.ofSeconds(10));
 * // throws EndpointNotReadyException:
 * //   model 'resnet' is not ready: GET http://10.0.0.5:8000/v2/models/resnet/ready answered 400:
 * //   Request for unknown model: 'resnet' is not found
 * }</pre>
 */
public final class ReadinessCheck {

  /** Headers the JDK HTTP client sets itself and refuses to take. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final Pattern MODEL_PATH = Pattern.compile("/v2/models/([^/]+)/");

  private ReadinessCheck() {}

  /**
   * Checks every readiness path of {@code protocol} on {@code target}'s host; returns at once when
   * there are none.
   *
   * @param headers resolved target-wide headers to send (may be empty)
   * @param timeout for each GET, connecting included
   * @throws EndpointNotReadyException at the first path that does not answer 2xx in time
   * @throws IOException when the TLS options cannot be set up
   */
  public static void check(
      Target target, Protocol protocol, Map<String, String> headers, Duration timeout)
      throws IOException {
    Objects.requireNonNull(target, "target");
    List<String> paths = protocol.readinessPaths();
    if (paths.isEmpty()) {
      return;
    }
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    if ("https".equalsIgnoreCase(target.url().getScheme())) {
      builder.sslContext(TlsTrust.sslContext(target.tls()));
    }
    HttpClient client = builder.build();
    URI base = target.url();
    for (String path : paths) {
      URI uri = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
      get(client, uri, headers, timeout);
    }
  }

  private static void get(
      HttpClient client, URI uri, Map<String, String> headers, Duration timeout)
      throws EndpointNotReadyException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    headers.forEach(
        (name, value) -> {
          if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
            request.header(name, value);
          }
        });
    String what = subject(uri.getRawPath()) + " is not ready: GET " + uri;
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new EndpointNotReadyException(
          what + " did not answer within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new EndpointNotReadyException(what + " failed: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EndpointNotReadyException(what + " was interrupted", e);
    }
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      String message = message(response.body());
      throw new EndpointNotReadyException(
          what + " answered " + status + (message.isEmpty() ? "" : ": " + message));
    }
  }

  /** {@code model 'NAME'} for a model path, else {@code the server}. */
  private static String subject(String path) {
    Matcher m = MODEL_PATH.matcher(path);
    return m.find() ? "model '" + m.group(1) + "'" : "the server";
  }

  private static String message(byte[] body) {
    BoundedBody bounded = new BoundedBody(HttpErrors.ERROR_BODY_CAP_BYTES);
    bounded.append(Unpooled.wrappedBuffer(body));
    return body.length == 0 ? "" : HttpErrors.message(bounded);
  }

  /** An exception's class and message, and its cause's (the HTTP client often wraps one). */
  private static String describe(Throwable e) {
    String text = classAndMessage(e);
    Throwable cause = e.getCause();
    return cause == null || cause == e ? text : text + " (" + classAndMessage(cause) + ")";
  }

  private static String classAndMessage(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
