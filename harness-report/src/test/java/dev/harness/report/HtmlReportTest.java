package dev.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
  @TempDir Path dir;

  @Test
  void theReportIsOneSelfContainedWellFormedPage() throws Exception {
    String html = written(Fixtures.capacityRun(), true);

    assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*['\"]?\\s*(https?:)?//")
        .doesNotContainPattern("(?i)<script")
        .doesNotContainPattern("(?i)<link")
        .doesNotContain("url(http");
    Document doc = parse();
    assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("html");
  }

  @Test
  void everyChartIsEmbedded() throws Exception {
    RunResult r = Fixtures.capacityRun();
    String html = written(r, true);
    List<Path> charts = new Charts(LatencyLog.read(dir.resolve("latency.hlog"), r))
        .write(r, dir.resolve("c"));

    List<String> embedded = new ArrayList<>();
    NodeList svgs = parse().getElementsByTagName("svg");
    for (int i = 0; i < svgs.getLength(); i++) {
      Element svg = (Element) svgs.item(i);
      assertThat(((Element) svg.getParentNode()).getAttribute("id"))
          .isEqualTo("figure-" + svg.getAttribute("id").substring("chart-".length()));
      embedded.add(svg.getAttribute("id"));
    }
    assertThat(charts).hasSize(8);
    for (Path f : charts) {
      String stem = f.getFileName().toString().replaceAll("\\.(png|svg)$", "");
      assertThat(embedded).contains("chart-" + stem);
    }
    assertThat(embedded).hasSize(charts.size() / 2);
    assertThat(html).contains("SLO e2e p99 ≤ 50 ms");
  }

  @Test
  void everyNumberInTheTablesEqualsResultsJson() throws Exception {
    for (RunResult r : List.of(Fixtures.capacityRun(), Fixtures.llmRun(),
        Fixtures.recommendRun())) {
      written(r, false);
      ResultsJson.write(r, dir);
      JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
      List<Element> cells = withData(parse());

      assertThat(cells).hasSizeGreaterThan(30);
      for (Element e : cells) {
        JsonNode node = json.at(e.getAttribute("data-json"));
        String value = e.getAttribute("data-value");
        assertThat(node.isMissingNode()).as(e.getAttribute("data-json")).isFalse();
        if (node.isNumber()) {
          assertThat(Double.parseDouble(value)).as(e.getAttribute("data-json"))
              .isEqualTo(node.asDouble());
        } else {
          assertThat(value).as(e.getAttribute("data-json")).isEqualTo(node.asText());
        }
      }
    }
  }

  @Test
  void theTablesCoverEveryStepAndTheAnswer() throws Exception {
    written(Fixtures.capacityRun(), false);
    List<String> pointers = new ArrayList<>();
    withData(parse()).forEach(e -> pointers.add(e.getAttribute("data-json")));

    assertThat(pointers).contains("/capacity/sustainable/rps",
        "/capacity/sustainable/pointEstimate", "/capacity/steps/2/goodputRps",
        "/capacity/steps/1/verdict", "/steps/0/latencies/e2e/p999Millis",
        "/steps/5/latencies/e2e/maxMillis", "/steps/3/errorRate");
  }

  @Test
  void aRecommendationHasItsRankingRejectionsDecisionAndColdStartTables() throws Exception {
    written(Fixtures.recommendRun(), false);
    Document doc = parse();
    List<String> pointers = new ArrayList<>();
    withData(doc).forEach(e -> pointers.add(e.getAttribute("data-json")));

    for (String id : List.of("traffic", "ranking", "rejected", "recommendation", "cold-start")) {
      assertThat(byId(doc, id)).as(id).isNotNull();
    }
    assertThat(pointers).contains("/recommendation/candidates/1/monthlyCost/point",
        "/recommendation/candidates/3/rank", "/recommendation/candidates/0/rejectionReason",
        "/recommendation/decision/autoscalingMax", "/recommendation/decision/monthlyCost",
        "/recommendation/decision/runnerUp/deltaMonthly",
        "/recommendation/candidates/1/coldStart/healthyToFirstSuccessMillis");
    assertThat(byId(doc, "curve")).isNull();
    assertThat(byId(doc, "steps")).isNull();
  }

  @Test
  void textFromThePlanIsEscaped() throws Exception {
    String html = written(Fixtures.llmRun(), false);

    assertThat(html).contains("chat &lt;demo&gt; | *v2*")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("<script>");
    parse();
  }

  @Test
  void sectionsThatDoNotApplyAreLeftOut() throws Exception {
    String html = written(Fixtures.llmRun(), false);

    assertThat(html).doesNotContain("Sustainable rate").doesNotContain("Recommendation")
        .doesNotContain(">null<");
  }

  private String written(RunResult r, boolean withLog) throws Exception {
    LatencyLog log = LatencyLog.empty();
    if (withLog) {
      Fixtures.writeHlog(dir, r, 20);
      log = LatencyLog.read(dir.resolve("latency.hlog"), r);
    }
    new HtmlReport(log).write(r, dir);
    return Files.readString(dir.resolve("report.html"));
  }

  private Document parse() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(dir.resolve("report.html").toFile());
  }

  /** The element with this {@code id} attribute, or null (the parser knows no DTD of ids). */
  static Element byId(Document doc, String id) {
    NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (id.equals(e.getAttribute("id"))) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> withData(Document doc) {
    List<Element> found = new ArrayList<>();
    NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.hasAttribute("data-json")) {
        found.add(e);
      }
    }
    return found;
  }
}
