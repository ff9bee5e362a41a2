package dev.harness.report;

import dev.harness.report.Card.Cell;
import dev.harness.report.Card.Fact;
import dev.harness.report.Card.Table;
import dev.harness.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report.html}: one self-contained page — the sections of {@code summary.md}, every chart
 * as inline SVG, and a table of every step. No external URL, script or font: it opens offline and
 * can be attached as it is. The page is well-formed XML (XHTML syntax), all text from the plan
 * and the results is escaped, and every number a table or fact shows carries {@code
 * data-json} (its JSON pointer in results.json) and {@code data-value} (its exact value), so a
 * test or a script can check it against results.json.
 */
final class HtmlReport implements ReportWriter {
  static final String FILE = "report.html";

  private static final String CSS = String.join("\n",
      "body{font-family:'DejaVu Sans',Verdana,sans-serif;margin:2em auto;max-width:1100px;",
      "color:#222;line-height:1.4;padding:0 1em}",
      "h1{font-size:1.6em;margin-bottom:.3em}h2{font-size:1.2em;margin-top:1.8em;",
      "border-bottom:1px solid #ddd;padding-bottom:.2em}",
      "table{border-collapse:collapse;font-size:.9em}",
      "th,td{border:1px solid #ddd;padding:.25em .55em}th{background:#f4f4f4}",
      "td.num{text-align:right;font-variant-numeric:tabular-nums}",
      "table.facts th{text-align:left;font-weight:normal;color:#555;background:none}",
      "table.facts td,table.facts th{border:none;padding:.1em .8em .1em 0}",
      "td.pass{color:#1a7f37}td.fail{color:#b00020}td.inconclusive,td.invalid{color:#9a6700}",
      "figure{margin:1.5em 0}figure svg{width:100%;height:auto;border:1px solid #eee}",
      "figcaption{color:#555;font-size:.9em}.note{color:#555;font-size:.9em}",
      "footer{margin-top:3em;color:#777;font-size:.85em}");

  private final LatencyLog log;

  HtmlReport(LatencyLog log) {
    this.log = log;
  }

  @Override
  public String name() {
    return FILE;
  }

  @Override
  public List<Path> write(RunResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    Files.writeString(file, render(result, log), StandardCharsets.UTF_8);
    return List.of(file);
  }

  static String render(RunResult result, LatencyLog log) {
    Card card = new Card(result);
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>").append(esc(card.title())).append("</title>\n")
        .append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
    h.append("<h1>").append(esc(card.title())).append("</h1>\n");
    facts(h, "run", card.run());
    section(h, "target", "Target", card.target());
    if (!card.slo().isEmpty()) {
      h.append("<h2 id=\"slo\">SLO</h2>\n");
      list(h, card.slo());
    }
    section(h, "payloads", "Payloads", card.payloads());
    section(h, "answer", "Sustainable rate", card.answer());
    recommendation(h, card);
    if (card.hasSteps()) {
      h.append("<h2 id=\"curve-title\">").append(card.capacity() ? "Capacity curve" : "Steps")
          .append("</h2>\n");
      table(h, "curve", card.curve());
      h.append("<p class=\"note\">Latencies in ms from each request's intended send time; ≥ "
          + "marks a percentile among timed-out requests.</p>\n");
      list(h, card.notes());
    }
    List<ReportCharts.Named> charts = ReportCharts.of(result, log);
    if (!charts.isEmpty()) {
      h.append("<h2 id=\"charts\">Charts</h2>\n");
      for (String m : ReportCharts.missing(result)) {
        h.append("<p class=\"note\">").append(esc(m)).append("</p>\n");
      }
      for (ReportCharts.Named c : charts) {
        h.append("<figure id=\"figure-").append(c.file()).append("\">\n")
            .append(Charts.svgElement(c.chart(), c.file())).append('\n')
            .append("<figcaption>").append(esc(c.title())).append(" (charts/").append(c.file())
            .append(".png, .svg)</figcaption>\n</figure>\n");
      }
    }
    if (card.hasSteps()) {
      h.append("<h2 id=\"steps-title\">Every step</h2>\n");
      table(h, "steps", card.allSteps());
    }
    section(h, "generator", "Load generator", card.generator());
    section(h, "outcomes", "Outcomes", card.outcomes());
    if (!card.warnings().isEmpty()) {
      h.append("<h2 id=\"warnings\">Warnings</h2>\n");
      list(h, card.warnings());
    }
    h.append("<footer>From results.json (schema ").append(result.schemaVersion())
        .append(") and latency.hlog; regenerate with <code>harness report DIR</code>.</footer>\n")
        .append("</body>\n</html>\n");
    return h.toString();
  }

  /** The recommendation sections (ids traffic, ranking, rejected, recommendation, cold-start). */
  private static void recommendation(StringBuilder h, Card card) {
    RecommendCard rc = card.recommend();
    if (rc == null) {
      return;
    }
    section(h, "traffic", "Declared traffic", rc.traffic());
    h.append("<h2 id=\"ranking-title\">Ranking</h2>\n");
    Table ranked = rc.ranked();
    if (ranked.rows().isEmpty()) {
      h.append("<p>No candidate passed.</p>\n");
    } else {
      table(h, "ranking", ranked);
      for (String n : rc.rankedNotes()) {
        h.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
      }
    }
    Table rejected = rc.rejected();
    if (!rejected.rows().isEmpty()) {
      h.append("<h2 id=\"rejected-title\">Rejected</h2>\n");
      table(h, "rejected", rejected);
    }
    section(h, "recommendation", "Recommendation", card.recommendation());
    list(h, rc.notes());
    Table cold = rc.coldStarts();
    if (!cold.rows().isEmpty()) {
      h.append("<h2 id=\"cold-start-title\">Cold start</h2>\n");
      table(h, "cold-start", cold);
    }
  }

  private static void section(StringBuilder h, String id, String title, List<Fact> facts) {
    if (!facts.isEmpty()) {
      h.append("<h2 id=\"").append(id).append("-title\">").append(esc(title)).append("</h2>\n");
      facts(h, id, facts);
    }
  }

  private static void facts(StringBuilder h, String id, List<Fact> facts) {
    h.append("<table class=\"facts\" id=\"").append(id).append("\">\n");
    for (Fact f : facts) {
      h.append("<tr><th>").append(esc(f.label())).append("</th><td");
      data(h, f.json(), f.value());
      h.append('>').append(esc(f.text())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void list(StringBuilder h, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    h.append("<ul>\n");
    items.forEach(i -> h.append("<li>").append(esc(i)).append("</li>\n"));
    h.append("</ul>\n");
  }

  private static void table(StringBuilder h, String id, Table t) {
    h.append("<table id=\"").append(id).append("\">\n<thead><tr>");
    t.headers().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr></thead>\n<tbody>\n");
    for (List<Cell> row : t.rows()) {
      h.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        Cell c = row.get(i);
        String cls = t.numeric().get(i) ? "num"
            : "verdict".equals(t.headers().get(i)) ? esc(c.text()) : null;
        h.append("<td");
        if (cls != null) {
          h.append(" class=\"").append(cls).append('"');
        }
        data(h, c.json(), c.value());
        h.append('>').append(esc(c.text())).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void data(StringBuilder h, String json, String value) {
    if (json != null && value != null) {
      h.append(" data-json=\"").append(esc(json)).append("\" data-value=\"").append(esc(value))
          .append('"');
    }
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          // control characters are not allowed in XML 1.0: drop them
          if (ch >= 0x20 || ch == '\n' || ch == '\t') {
            sb.append(ch);
          }
      }
    }
    return sb.toString();
  }
}
