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
 * {@code summary.md}: the capacity card for a design review or a pull request — run, target, SLO,
 * payloads, the answer (capacity runs), the curve as a table, why steps failed, the generator's
 * own figures, outcomes and warnings. Sections that do not apply are left out. Text from the plan
 * and the results is escaped so that it cannot change the Markdown's structure.
 */
final class MarkdownSummary implements ReportWriter {
  static final String FILE = "summary.md";

  @Override
  public String name() {
    return FILE;
  }

  @Override
  public List<Path> write(RunResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    Files.writeString(file, render(result), StandardCharsets.UTF_8);
    return List.of(file);
  }

  /** The whole card. */
  static String render(RunResult result) {
    Card card = new Card(result);
    StringBuilder md = new StringBuilder();
    md.append("# ").append(escape(card.title())).append("\n\n");
    facts(md, card.run());
    section(md, "Target", card.target());
    if (!card.slo().isEmpty()) {
      md.append("\n## SLO\n\n");
      card.slo().forEach(l -> md.append("- ").append(escape(l)).append('\n'));
    }
    section(md, "Payloads", card.payloads());
    section(md, "Sustainable rate", card.answer());
    recommendation(md, card);
    if (card.hasSteps()) {
      md.append(card.capacity() ? "\n## Capacity curve\n\n" : "\n## Steps\n\n");
      table(md, card.curve());
      md.append("\nLatencies in ms from each request's intended send time; ≥ marks a percentile "
          + "among timed-out requests.\n");
      list(md, card.notes());
    }
    section(md, "Load generator", card.generator());
    section(md, "Outcomes", card.outcomes());
    if (!card.warnings().isEmpty()) {
      md.append("\n## Warnings\n\n");
      card.warnings().forEach(l -> md.append("- ").append(escape(l)).append('\n'));
    }
    md.append('\n').append(escape(card.footer())).append('\n');
    return md.toString();
  }

  /** The recommendation sections, in the order a design review reads them; none for others. */
  private static void recommendation(StringBuilder md, Card card) {
    RecommendCard rc = card.recommend();
    if (rc == null) {
      return;
    }
    section(md, "Declared traffic", rc.traffic());
    md.append("\n## Ranking\n\n");
    Table ranked = rc.ranked();
    if (ranked.rows().isEmpty()) {
      md.append("No candidate passed.\n");
    } else {
      table(md, ranked);
      list(md, rc.rankedNotes());
    }
    Table rejected = rc.rejected();
    if (!rejected.rows().isEmpty()) {
      md.append("\n## Rejected\n\n");
      table(md, rejected);
    }
    section(md, "Recommendation", card.recommendation());
    list(md, rc.notes());
    Table cold = rc.coldStarts();
    if (!cold.rows().isEmpty()) {
      md.append("\n## Cold start\n\n");
      table(md, cold);
    }
  }

  private static void list(StringBuilder md, List<String> items) {
    if (!items.isEmpty()) {
      md.append('\n');
      items.forEach(l -> md.append("- ").append(escape(l)).append('\n'));
    }
  }

  private static void section(StringBuilder md, String title, List<Fact> facts) {
    if (!facts.isEmpty()) {
      md.append("\n## ").append(title).append("\n\n");
      facts(md, facts);
    }
  }

  private static void facts(StringBuilder md, List<Fact> facts) {
    for (Fact f : facts) {
      md.append("- **").append(escape(f.label())).append(":** ").append(escape(f.text()))
          .append('\n');
    }
  }

  private static void table(StringBuilder md, Table t) {
    md.append('|');
    t.headers().forEach(h -> md.append(' ').append(escape(h)).append(" |"));
    md.append("\n|");
    t.numeric().forEach(n -> md.append(n ? " ---: |" : " --- |"));
    md.append('\n');
    for (List<Cell> row : t.rows()) {
      md.append('|');
      row.forEach(c -> md.append(' ').append(escape(c.text())).append(" |"));
      md.append('\n');
    }
  }

  /**
   * Backslash-escapes the characters that would start Markdown emphasis, code, links or inline
   * HTML, or end a table cell; line breaks become spaces. ({@code #} and {@code >} only matter at
   * the start of a line, and every line of the card starts with "- ", "|" or a heading.)
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      if ("\\`*_[]<|".indexOf(ch) >= 0) {
        sb.append('\\');
      }
      sb.append(ch == '\n' || ch == '\r' ? ' ' : ch);
    }
    return sb.toString();
  }
}
