package dev.harness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Build-time version facts, read from a filtered resource. */
final class Versions {
  private Versions() {}

  static String harness() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/harness-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
