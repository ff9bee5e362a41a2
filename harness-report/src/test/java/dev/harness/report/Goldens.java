package dev.harness.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Golden-file checks: compare an output with {@code src/test/resources/golden/<name>} and, on a
 * difference, fail with the first differing line and both texts. Run with {@code
 * -Dgolden.update=true} to rewrite the files instead (then read them before committing).
 */
final class Goldens {
  /** Default locales every golden is checked under: "." and "," decimal separators. */
  static final List<Locale> LOCALES = List.of(Locale.US, Locale.GERMANY);

  private Goldens() {}

  /** Renders under each of {@link #LOCALES} as the JVM default and compares with the golden. */
  static void check(String name, Callable<String> render) throws Exception {
    Locale before = Locale.getDefault();
    try {
      for (Locale l : LOCALES) {
        Locale.setDefault(l);
        compare(name, render.call(), l);
      }
    } finally {
      Locale.setDefault(before);
    }
  }

  private static void compare(String name, String actual, Locale locale) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Path file = Path.of("src/test/resources/golden", name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected;
    try (InputStream in = Goldens.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        fail("no golden file golden/%s; generate it with -Dgolden.update=true", name);
        return;
      }
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (expected.equals(actual)) {
      return;
    }
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int line = 0;
    while (line < e.length && line < a.length && e[line].equals(a[line])) {
      line++;
    }
    fail("%s differs from golden/%s under locale %s at line %d:%n  expected: %s%n  actual:   %s"
            + "%n--- actual output ---%n%s",
        name, name, locale, line + 1, line < e.length ? e[line] : "<end of file>",
        line < a.length ? a[line] : "<end of file>", actual);
  }
}
