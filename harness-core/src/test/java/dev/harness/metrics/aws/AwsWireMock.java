package dev.harness.metrics.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A WireMock server on 127.0.0.1 standing in for CloudWatch and EC2, and dummy credentials. */
public final class AwsWireMock implements AutoCloseable {
  /** A dummy access key id. */
  public static final String ACCESS_KEY = "AKIDHARNESSMETRICS01";
  /** A dummy secret that must never show up in a message. */
  public static final String SECRET = "mEtRiCs/SeCrEt+KeY/never-in-a-message-0002";

  private final WireMockServer server;

  /** Starts the server with {@code extensions} (e.g. a fake CloudWatch) registered. */
  public AwsWireMock(Extension... extensions) {
    server = new WireMockServer(
        wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(extensions));
    server.start();
  }

  public WireMockServer server() {
    return server;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Access to us-east-1 through this server. */
  public AwsAccess access() {
    return AwsAccess.of("us-east-1").withEndpointUrl(url());
  }

  public static AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET));
  }

  @Override
  public void close() {
    server.stop();
  }
}
