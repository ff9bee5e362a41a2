package dev.harness.payload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small payload files for tests. */
final class PayloadFiles {
  private PayloadFiles() {}

  /** Writes the lines joined by {@code \n}, with a final newline. */
  static Path write(Path dir, String name, String... lines) {
    return writeRaw(dir, name, String.join("\n", lines) + "\n");
  }

  static Path write(Path dir, String name, List<String> lines) {
    return write(dir, name, lines.toArray(String[]::new));
  }

  static Path writeRaw(Path dir, String name, String content) {
    try {
      return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A chat body with one user message. */
  static String chat(String userText) {
    return "{\"messages\":[{\"role\":\"user\",\"content\":\"" + userText + "\"}]}";
  }
}
