package dev.harness.report.compare;

import dev.harness.result.PayloadSummary;
import dev.harness.result.PlanSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether runs may be compared at all: the same plan (name, SLO objectives and maximum error
 * rate, target protocol), the same payload set (its SHA-256; the line count and file name where a
 * digest is unavailable), the same kind of run, and a kind that has something to compare
 * ({@code capacity} or {@code recommend}). Every run is held against the first baseline.
 */
public final class Comparability {
  private static final Set<String> COMPARABLE_KINDS = Set.of("capacity", "recommend");
  private static final String UNAVAILABLE = "unavailable";

  private Comparability() {}

  /** Every difference found, one line each naming both values; empty when comparable. */
  public static List<String> differences(List<ComparedRun> baselines, ComparedRun current) {
    if (baselines.isEmpty()) {
      throw new IllegalArgumentException("at least one baseline run is needed");
    }
    List<String> out = new ArrayList<>();
    ComparedRun first = baselines.get(0);
    List<ComparedRun> all = new ArrayList<>(baselines);
    all.add(current);
    for (ComparedRun r : all) {
      String kind = r.result().kind();
      if (!COMPARABLE_KINDS.contains(kind)) {
        out.add(r.label() + " is a '" + kind + "' run: compare reads the results of harness "
            + "capacity and harness recommend");
      }
    }
    for (ComparedRun r : all.subList(1, all.size())) {
      differ(out, "kind", first, r, first.result().kind(), r.result().kind());
      PlanSummary a = first.result().plan();
      PlanSummary b = r.result().plan();
      differ(out, "plan name", first, r, a.name(), b.name());
      differ(out, "target protocol", first, r, a.protocol(), b.protocol());
      differ(out, "SLO objectives", first, r, slo(a, "objectives"), slo(b, "objectives"));
      differ(out, "SLO max error rate", first, r, slo(a, "maxErrorRate"),
          slo(b, "maxErrorRate"));
      payloads(out, first, r);
    }
    return out;
  }

  private static void payloads(List<String> out, ComparedRun first, ComparedRun r) {
    PayloadSummary a = first.result().payloads();
    PayloadSummary b = r.result().payloads();
    if (a == null || b == null) {
      if (a != b) {
        differ(out, "payload set", first, r, a == null ? "none" : a.file(),
            b == null ? "none" : b.file());
      }
      return;
    }
    if (known(a.sha256()) && known(b.sha256())) {
      differ(out, "payload set (SHA-256)", first, r, a.sha256(), b.sha256());
      return;
    }
    differ(out, "payload count (no SHA-256 to compare)", first, r, String.valueOf(a.count()),
        String.valueOf(b.count()));
    differ(out, "payload file (no SHA-256 to compare)", first, r, fileName(a.file()),
        fileName(b.file()));
  }

  private static boolean known(String sha) {
    return sha != null && !sha.isBlank() && !UNAVAILABLE.equals(sha);
  }

  private static String fileName(String path) {
    if (path == null) {
      return null;
    }
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  private static String slo(PlanSummary p, String key) {
    Object v = p.slo() == null ? null : p.slo().get(key);
    return v == null ? null : String.valueOf(v);
  }

  private static void differ(List<String> out, String what, ComparedRun a, ComparedRun b,
      String va, String vb) {
    if (!Objects.equals(va, vb)) {
      out.add(what + " differs: " + quote(va) + " in " + a.label() + ", " + quote(vb) + " in "
          + b.label());
    }
  }

  private static String quote(String v) {
    return v == null ? "none" : "'" + v + "'";
  }
}
