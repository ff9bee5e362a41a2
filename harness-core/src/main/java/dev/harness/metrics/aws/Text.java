package dev.harness.metrics.aws;

/** Message helpers shared by the AWS readers. */
public final class Text {
  private static final int MAX = 300;

  private Text() {}

  /** {@code text} on one line and at most a few hundred characters; "" for null. */
  public static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String s = text.strip().replaceAll("\\s+", " ");
    return s.length() > MAX ? s.substring(0, MAX) + "..." : s;
  }
}
