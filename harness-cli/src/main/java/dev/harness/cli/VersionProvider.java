package dev.harness.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the harness version baked into the jar at build time. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"harness " + Versions.harness(), "Java " + Runtime.version()};
  }
}
