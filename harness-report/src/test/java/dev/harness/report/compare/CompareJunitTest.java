package dev.harness.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CompareJunitTest {
  @TempDir Path dir;

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Comparison comparison(String planName, double currentP99) throws Exception {
    List<ComparedRun> baselines = List.of(
        ComparedRun.of("b1", Runs.run("b1").planName(planName).rung(100, 20).rung(200, 40)
            .build()),
        ComparedRun.of("b2", Runs.run("b2").planName(planName).rung(100, 21).rung(200, 42)
            .build()));
    ComparedRun cur = ComparedRun.of("cur", Runs.run("cur").planName(planName).rung(100, 20.5)
        .rung(200, currentP99).build());
    return Compare.compare(baselines, cur, Tolerances.DEFAULT);
  }

  @Test
  void oneTestCasePerCheckUnderOneSuiteAndAFailureNamingTheNumbers() throws Exception {
    Comparison c = comparison("fraud", 60);

    Document doc = parse(CompareJunit.render(c));

    Element suite = doc.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("harness compare");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(c.checks().size());
    assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(c.checks().size()));
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    NodeList failures = suite.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element failure = (Element) failures.item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("name"))
        .isEqualTo("p99 e2e at 200 req/s");
    // median 41, spread 2 ms: allowed 9.8 %; 60 / 41 = +46.3 %
    assertThat(failure.getAttribute("message")).isEqualTo(
        "p99 e2e at 200 req/s rose 46.3 % > allowed 9.8 % (baseline 41.0 ms, current 60.0 ms)");
    assertThat(failure.getTextContent()).contains("baselines: 40.0 ms, 42.0 ms");
  }

  @Test
  void aPassingComparisonHasNoFailure() throws Exception {
    Document doc = parse(CompareJunit.render(comparison("fraud", 41)));

    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void markupInNamesIsEscapedAndTheFileParses() throws Exception {
    Comparison c = comparison("a<b & \"c\" \u0001", 60);
    Path file = dir.resolve("out/junit.xml");

    CompareJunit.write(CompareJunit.render(c), file);

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(file.toFile());
    Element plan = (Element) doc.getElementsByTagName("property").item(0);
    assertThat(plan.getAttribute("value")).isEqualTo("a<b & \"c\" \uFFFD");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void runsThatCannotBeComparedGiveOneFailedCaseWithTheDifferences() throws Exception {
    Document doc = parse(CompareJunit.renderNotComparable(
        List.of("plan name differs: 'a' in x, 'b' in y", "payload set differs")));

    NodeList cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(1);
    assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("runs are comparable");
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).contains("plan name differs")
        .contains("payload set differs");
  }
}
