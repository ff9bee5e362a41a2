package dev.harness.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded exposition texts under {@code src/test/resources/prometheus/}. */
final class Fixtures {
  private Fixtures() {}

  static String exposition(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/prometheus/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture prometheus/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
