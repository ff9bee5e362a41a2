package dev.harness.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where shipped files ({@code profiles/}, {@code payloads/}) are looked for: the working
 * directory first, then the install directory (the jar's parent's parent, e.g. {@code
 * <install>/lib/harness.jar}) and, for a source checkout, the repository root ({@code
 * harness-cli/target/harness.jar}'s parent's parent's parent).
 */
final class InstallDirs {
  private InstallDirs() {}

  static List<Path> bases() {
    List<Path> bases = new ArrayList<>();
    bases.add(Path.of("").toAbsolutePath());
    try {
      Path jar = Path.of(InstallDirs.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      Path p = jar.getParent();
      for (int up = 0; up < 3 && p != null; up++) {
        if (up >= 1 && Files.isDirectory(p.resolve("profiles"))) {
          bases.add(p);
        }
        p = p.getParent();
      }
    } catch (URISyntaxException | RuntimeException e) {
      // no code source (unusual class loader): the working directory only
    }
    return bases;
  }

  /** The first base that holds {@code relative}, else {@code relative} as given. */
  static Path find(String relative) {
    for (Path base : bases()) {
      Path p = base.resolve(relative);
      if (Files.exists(p)) {
        return p;
      }
    }
    return Path.of(relative);
  }
}
