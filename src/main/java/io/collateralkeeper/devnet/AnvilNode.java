package io.collateralkeeper.devnet;

/** A running Anvil chain, however it runs (a child process, a container). Closing it stops it. */
public interface AnvilNode extends AutoCloseable {
  /** Its JSON-RPC URL on 127.0.0.1. */
  String rpcUrl();

  /** Stops the chain; never throws. */
  @Override
  void close();
}
