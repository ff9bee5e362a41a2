package dev.harness.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plan model sits at the bottom of the harness: it may use the pure packages below it
 * (traffic, payload, record, time) but nothing that measures, prices or reports.
 */
class ConfigDependenciesTest {
  private static final Pattern ABOVE = Pattern.compile(
      "dev\\.harness\\.(cost|run|capacity|engine|metrics|result|sim|protocol)\\.");

  @Test
  void configUsesNoPackageAboveIt() throws IOException {
    Path sources = Path.of("src/main/java/dev/harness/config");
    assertThat(sources).isDirectory();
    List<String> uses = new ArrayList<>();
    try (Stream<Path> files = Files.list(sources)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher m = ABOVE.matcher(Files.readString(f));
        while (m.find()) {
          uses.add(f.getFileName() + " uses dev.harness." + m.group(1));
        }
      }
    }
    assertThat(uses).isEmpty();
  }
}
