package dev.harness.metrics.ec2;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An EC2 host as a user names it: an instance ID ({@code i-0abc...}), a private IPv4 address, or
 * the value of its {@code Name} tag. {@link #parse} tells them apart by form.
 *
 * @param kind how {@code value} identifies the host
 * @param value the ID, address or tag value
 */
public record HostRef(Kind kind, String value) {
  private static final Pattern ID = Pattern.compile("i-[0-9a-f]{8,17}");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
          + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

  /** How a host is identified. */
  public enum Kind {
    /** An instance ID. */
    INSTANCE_ID,
    /** A private IPv4 address. */
    PRIVATE_IP,
    /** The value of the {@code Name} tag. */
    NAME_TAG
  }

  public HostRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (kind == Kind.INSTANCE_ID && !ID.matcher(value).matches()) {
      throw new IllegalArgumentException("not an instance ID (i- and 8 or 17 hex digits): '"
          + value + "'");
    }
    if (kind == Kind.PRIVATE_IP && !IPV4.matcher(value).matches()) {
      throw new IllegalArgumentException("not an IPv4 address: '" + value + "'");
    }
  }

  /**
   * Reads {@code text}: {@code i-} and 8 or 17 hex digits is an instance ID, a dotted quad is a
   * private IP, anything else the {@code Name} tag.
   */
  public static HostRef parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.strip();
    if (ID.matcher(s).matches()) {
      return new HostRef(Kind.INSTANCE_ID, s);
    }
    if (IPV4.matcher(s).matches()) {
      return new HostRef(Kind.PRIVATE_IP, s);
    }
    return new HostRef(Kind.NAME_TAG, s);
  }

  /** How the host reads in messages, e.g. {@code Name tag 'llm-1'}. */
  public String describe() {
    switch (kind) {
      case INSTANCE_ID:
        return "instance " + value;
      case PRIVATE_IP:
        return "private IP " + value;
      default:
        return "Name tag '" + value + "'";
    }
  }
}
