package dev.harness.report.compare;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code junit.xml} for CI: one {@code <testsuite name="harness compare">} with one
 * {@code <testcase>} per check; a failed check carries {@code <failure message="…">} with the
 * numbers (e.g. "p99 e2e at 120 req/s rose 18.2 % > allowed 9.6 % (baseline 41.0 ms, current
 * 48.5 ms)"). Runs that cannot be compared give one failed test case, "runs are comparable", with
 * the differences. Built with the JDK's DOM and serialiser, so every attribute and text is
 * escaped; characters XML 1.0 cannot hold are replaced by U+FFFD.
 */
public final class CompareJunit {
  /** The test suite's name. */
  public static final String SUITE = "harness compare";
  /** The class name of every test case (CI tools group by it). */
  public static final String CLASS_NAME = "harness.compare";

  private CompareJunit() {}

  /** The document for a comparison. */
  public static String render(Comparison c) {
    Document doc = newDocument();
    Element suite = suite(doc, c.checks().size(), c.failures().size());
    Element props = child(doc, suite, "properties");
    property(doc, props, "plan", c.planName());
    for (String b : c.baselineRuns()) {
      property(doc, props, "baseline", b);
    }
    property(doc, props, "current", c.currentRun());
    for (Check k : c.checks()) {
      Element tc = testCase(doc, suite, k.name());
      if (k.passed()) {
        child(doc, tc, "system-out").setTextContent(clean(k.message()));
      } else {
        Element f = child(doc, tc, "failure");
        f.setAttribute("message", clean(k.message()));
        f.setAttribute("type", "regression");
        f.setTextContent(clean(details(k)));
      }
    }
    if (!c.notes().isEmpty()) {
      child(doc, suite, "system-out").setTextContent(clean(String.join("\n", c.notes())));
    }
    return serialise(doc);
  }

  /** The document for runs that cannot be compared. */
  public static String renderNotComparable(List<String> differences) {
    Document doc = newDocument();
    Element suite = suite(doc, 1, 1);
    Element tc = testCase(doc, suite, "runs are comparable");
    Element f = child(doc, tc, "failure");
    f.setAttribute("message", clean("not comparable: " + String.join("; ", differences)));
    f.setAttribute("type", "not-comparable");
    f.setTextContent(clean(String.join("\n", differences)));
    return serialise(doc);
  }

  /** Writes {@code xml} to {@code file} atomically (a temporary file renamed into place). */
  public static void write(String xml, Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
    Files.writeString(tmp, xml, StandardCharsets.UTF_8);
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String details(Check k) {
    StringBuilder b = new StringBuilder(k.message()).append('\n');
    b.append("baselines: ");
    for (int i = 0; i < k.baselineValues().size(); i++) {
      b.append(i == 0 ? "" : ", ").append(k.quantity().format(k.baselineValues().get(i)));
    }
    b.append("\nreference (median): ").append(k.quantity().format(k.baseline()));
    b.append("\nallowed: ").append(k.allowedText()).append(", bound ")
        .append(k.quantity().higherIsWorse() ? "≤ " : "≥ ")
        .append(k.quantity().format(k.bound()));
    b.append("\ncurrent: ")
        .append(k.current() == null ? "none" : k.quantity().format(k.current()));
    return b.toString();
  }

  private static Element suite(Document doc, int tests, int failures) {
    Element suite = doc.createElement("testsuite");
    doc.appendChild(suite);
    suite.setAttribute("name", SUITE);
    suite.setAttribute("tests", String.valueOf(tests));
    suite.setAttribute("failures", String.valueOf(failures));
    suite.setAttribute("errors", "0");
    suite.setAttribute("skipped", "0");
    return suite;
  }

  private static Element testCase(Document doc, Element suite, String name) {
    Element tc = child(doc, suite, "testcase");
    tc.setAttribute("name", clean(name));
    tc.setAttribute("classname", CLASS_NAME);
    return tc;
  }

  private static void property(Document doc, Element props, String name, String value) {
    Element p = child(doc, props, "property");
    p.setAttribute("name", name);
    p.setAttribute("value", clean(value == null ? "" : value));
  }

  private static Element child(Document doc, Element parent, String name) {
    Element e = doc.createElement(name);
    parent.appendChild(e);
    return e;
  }

  private static Document newDocument() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return f.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser is not configurable", e);
    }
  }

  private static String serialise(Document doc) {
    try {
      TransformerFactory f = TransformerFactory.newInstance();
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer t = f.newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      doc.setXmlStandalone(true);
      Writer w = new StringWriter();
      t.transform(new DOMSource(doc), new StreamResult(w));
      return w.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("could not serialise junit.xml", e);
    }
  }

  /** {@code s} with every character XML 1.0 cannot hold replaced by U+FFFD. */
  static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> b.appendCodePoint(allowed(cp) ? cp : 0xFFFD));
    return b.toString();
  }

  private static boolean allowed(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
        || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
  }
}
