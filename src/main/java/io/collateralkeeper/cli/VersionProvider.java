package io.collateralkeeper.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the jar's Implementation-Version. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"keeper " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
  }
}
