package dev.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code harness compare} on copies of the capacity fixture (rates 40, 60 and 80 req/s; steps 1,
 * 5 and 3 of results.json are their measured windows), changed where a test needs it.
 */
class CompareCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A copy of the fixture as run {@code id}, with the p99 e2e at 80 req/s scaled. */
  private Path run(String id, double p99At80Factor) throws Exception {
    ObjectNode root = fixture();
    root.put("runId", id);
    ObjectNode e2e = (ObjectNode) root.path("steps").path(3).path("latencies").path("e2e");
    e2e.put("p99Millis", e2e.path("p99Millis").asDouble() * p99At80Factor);
    return write(id, root);
  }

  private ObjectNode fixture() throws Exception {
    return (ObjectNode) JSON.readTree(getClass().getResource("/report-fixture/results.json"));
  }

  private Path write(String id, ObjectNode root) throws Exception {
    Path d = Files.createDirectories(dir.resolve(id));
    JSON.writerWithDefaultPrettyPrinter().writeValue(d.resolve("results.json").toFile(), root);
    return d;
  }

  private static Document xml(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  @Test
  void runsThatAgreeExitZeroWithTheMarkdownTableOnStdout() throws Exception {
    Path b1 = run("b1", 1.0);
    Path b2 = run("b2", 1.04);
    Path cur = run("cur", 1.02);
    Path md = dir.resolve("diff.md");

    Cli r = Cli.execute("compare", b1.toString(), b2.toString(), cur.toString(),
        "--markdown", md.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("## harness compare: fraud\\_scoring")
        .contains("| p99 e2e at 80 req/s | ").contains("| sustainable rate | ")
        .contains("**All 10 checks hold.**");
    assertThat(r.err()).contains("compare: all 10 checks hold");
    assertThat(md).hasContent(r.out().stripTrailing());
  }

  @Test
  void aRegressionExitsOneAndTheJunitFileNamesTheCheckAndTheNumbers() throws Exception {
    Path b1 = run("b1", 1.0);
    Path b2 = run("b2", 1.04);
    Path cur = run("cur", 1.5);
    Path junit = dir.resolve("reports/junit.xml");

    Cli r = Cli.execute("compare", b1.toString(), b2.toString(), cur.toString(),
        "--junit", junit.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.REGRESSION);
    assertThat(r.err()).contains("compare: 1 of 10 checks failed")
        .contains("p99 e2e at 80 req/s rose");
    Document doc = xml(junit);
    assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("harness compare");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(10);
    NodeList failures = doc.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element failure = (Element) failures.item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("name"))
        .isEqualTo("p99 e2e at 80 req/s");
    // baselines 61.2 and 63.6 ms: median 62.4, allowed 2 × 2.45 / 62.4 = 7.8 %; 91.8 ms is +47.1 %
    assertThat(failure.getAttribute("message")).isEqualTo("p99 e2e at 80 req/s rose 47.1 % > "
        + "allowed 7.8 % (baseline 62.4 ms, current 91.8 ms)");
  }

  @Test
  void aWiderFloorLetsTheSameChangePass() throws Exception {
    Cli r = Cli.execute("compare", run("b1", 1.0).toString(), run("cur", 1.5).toString(),
        "--tolerance-floor", "60%");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("one baseline").contains("60.0 % relative");
  }

  @Test
  void runsOfAnotherPlanExitSixAndSayWhatDiffers() throws Exception {
    Path b1 = run("b1", 1.0);
    ObjectNode other = fixture();
    ((ObjectNode) other.path("plan")).put("name", "fraud_v2");
    ((ObjectNode) other.path("payloads")).put("sha256", "ffff");
    Path cur = write("cur", other);
    Path junit = dir.resolve("junit.xml");

    Cli r = Cli.execute("compare", b1.toString(), cur.toString(), "--junit", junit.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_COMPARABLE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("not comparable:")
        .contains("plan name differs: 'fraud_scoring' in " + b1 + ", 'fraud_v2' in " + cur)
        .contains("payload set (SHA-256) differs");
    Element tc = (Element) xml(junit).getElementsByTagName("testcase").item(0);
    assertThat(tc.getAttribute("name")).isEqualTo("runs are comparable");
  }

  @Test
  void aDirectoryWithoutResultsIsInvalidInput() throws Exception {
    Cli r = Cli.execute("compare", run("b1", 1.0).toString(), dir.resolve("nope").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("has no results.json");
  }

  @Test
  void aFloorWithoutItsUnitIsInvalidInput() throws Exception {
    Cli r = Cli.execute("compare", run("b1", 1.0).toString(), run("c", 1.0).toString(),
        "--tolerance-floor", "5");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("--tolerance-floor: write a percentage with its unit, e.g. 5%");
  }

  @Test
  void oneDirectoryIsNotEnough() throws Exception {
    Cli r = Cli.execute("compare", run("b1", 1.0).toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void ladderFromReplaysTheBaselinesRatesAscending() throws Exception {
    Files.writeString(dir.resolve("bodies.jsonl"), "{\"x\":1}\n");
    Path plan = Files.writeString(dir.resolve("plan.yaml"), String.join("\n",
        "name: fraud_scoring",
        "target: {protocol: http, url: 'http://127.0.0.1:9/score'}",
        "payloads: {file: bodies.jsonl}",
        "slo:",
        "  objectives: [{metric: e2e, percentile: p99, threshold: 50ms}]",
        "capacity: {precision: 0.1}",
        ""));

    Cli r = Cli.execute("capacity", plan.toString(), "--dry-run", "--ladder-from",
        run("b1", 1.0).toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("ladder from b1: 3 rates, 40, 60, 80 req/s");
    assertThat(r.out()).contains("ladder of 3 rates");
    assertThat(r.out().lines().filter(l -> l.matches("^\\d+\\s+ladder\\s+.*")).map(
        l -> l.split("\\s+")[2])).containsExactly("40", "60", "80");
  }

  @Test
  void ladderFromARunWithoutACurveIsInvalidInput() throws Exception {
    ObjectNode plain = fixture();
    plain.put("kind", "run");
    plain.putNull("capacity");
    Path baseline = write("plain", plain);
    Path plan = Files.writeString(dir.resolve("plan.yaml"),
        "name: p\ntarget: {protocol: http, url: 'http://127.0.0.1:9/'}\n"
            + "payloads: {file: b.jsonl}\ncapacity: {precision: 0.1}\n");
    Files.writeString(dir.resolve("b.jsonl"), "{}\n");

    Cli r = Cli.execute("capacity", plan.toString(), "--dry-run", "--ladder-from",
        baseline.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("--ladder-from").contains("without a capacity curve");
  }
}
