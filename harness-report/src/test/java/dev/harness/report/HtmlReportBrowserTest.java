package dev.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real headless browser (Debian's chromium, installed by
 * scripts/install-test-deps.sh, which .ci/run calls): it loads from a file with no network, every
 * chart is in the DOM, and the numbers the browser shows are those of results.json. Fails, never
 * skips, when chromium is missing; exclude with {@code -DexcludedGroups=browser} where it cannot
 * be installed.
 */
@Tag("browser")
class HtmlReportBrowserTest {
  private static final Pattern CHART = Pattern.compile("<svg\\b[^>]*\\bid=\"chart-([a-z0-9-]+)\"");
  private static final Pattern DATA =
      Pattern.compile("data-json=\"([^\"]+)\" data-value=\"([^\"]*)\"");

  @TempDir Path dir;

  @Test
  void theBrowserShowsEveryChartAndTheNumbersOfResultsJson() throws Exception {
    RunResult r = Fixtures.withServerMetrics(Fixtures.capacityRun());
    Fixtures.writeHlog(dir, r, 20);

    String dom = check(r, 5);

    assertThat(dom).contains("id=\"chart-server-utilisation\"");
  }

  @Test
  void theBrowserShowsTheRecommendationItsCostChartAndTheNumbersOfResultsJson() throws Exception {
    RunResult r = Fixtures.recommendRun();

    String dom = check(r, 1);

    assertThat(dom).contains("id=\"chart-fleet-cost\"", "id=\"ranking\"", "id=\"rejected\"",
        "id=\"cold-start\"", "Ship sim-g5.2xlarge × 2");
    // the ranked table's cells: one per ranked candidate's monthly cost, cheapest first
    List<String> monthly = new ArrayList<>();
    Matcher m = Pattern.compile(
        "data-json=\"/recommendation/candidates/(\\d+)/monthlyCost/point\"").matcher(dom);
    while (m.find()) {
      monthly.add(r.recommendation().candidates().get(Integer.parseInt(m.group(1))).name());
    }
    assertThat(monthly).isEqualTo(r.recommendation().ranking());
  }

  /**
   * Writes results.json and every report of {@code r} into {@link #dir}, loads report.html in
   * chromium and checks the DOM: one chart per SVG file written ({@code charts} of them), and every
   * {@code data-value} equal to results.json at its {@code data-json} pointer. Returns the DOM.
   */
  private String check(RunResult r, int charts) throws Exception {
    ResultsJson.write(r, dir);
    Reports.Outcome written = Reports.writeAll(r, dir);
    assertThat(written.failures()).isEmpty();

    String dom = chromium("--dump-dom", dir.resolve("report.html").toUri().toString());

    List<String> shown = new ArrayList<>();
    Matcher m = CHART.matcher(dom);
    while (m.find()) {
      shown.add(m.group(1));
    }
    List<String> files = new ArrayList<>();
    for (Path f : written.files()) {
      String name = f.getFileName().toString();
      if (name.endsWith(".svg")) {
        files.add(name.substring(0, name.length() - 4));
      }
    }
    assertThat(shown).containsExactlyInAnyOrderElementsOf(files).hasSize(charts);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    int numbers = 0;
    Matcher d = DATA.matcher(dom);
    while (d.find()) {
      JsonNode node = json.at(d.group(1));
      assertThat(node.isMissingNode()).as(d.group(1)).isFalse();
      if (node.isNumber()) {
        assertThat(Double.parseDouble(d.group(2))).as(d.group(1)).isEqualTo(node.asDouble());
        numbers++;
      } else {
        assertThat(d.group(2)).as(d.group(1)).isEqualTo(node.asText());
      }
    }
    assertThat(numbers).isGreaterThan(30);
    return dom;
  }

  @Test
  void theBrowserRendersThePage() throws Exception {
    RunResult r = Fixtures.capacityRun();
    Reports.writeAll(r, dir);
    Path shot = dir.resolve("screenshot.png");

    chromium("--hide-scrollbars", "--window-size=1200,1600", "--screenshot=" + shot,
        dir.resolve("report.html").toUri().toString());

    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(1600);
  }

  /** Runs headless chromium with {@code args}; returns its stdout. */
  private String chromium(String... args) throws Exception {
    String exe = executable();
    List<String> cmd = new ArrayList<>(List.of(exe, "--headless", "--disable-gpu", "--no-sandbox",
        "--no-first-run", "--user-data-dir=" + Files.createDirectories(dir.resolve("profile"))));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("chromium.out");
    Path err = dir.resolve("chromium.err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 120 s: %s", cmd);
    }
    assertThat(p.exitValue()).as("chromium exit code; stderr:%n%s",
        Files.readString(err, StandardCharsets.UTF_8)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** chromium on the PATH (or HARNESS_CHROMIUM); fails with what to do when there is none. */
  private static String executable() {
    String given = System.getenv("HARNESS_CHROMIUM");
    if (given != null && !given.isBlank()) {
      return given;
    }
    for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dirName, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    fail("chromium is not installed: run scripts/install-test-deps.sh (CI does), set "
        + "HARNESS_CHROMIUM, or leave these tests out with -DexcludedGroups=browser");
    return null;
  }
}
