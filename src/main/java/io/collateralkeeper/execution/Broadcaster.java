package io.collateralkeeper.execution;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;

/** Broadcasts signed transactions to the public mempool ({@code eth_sendRawTransaction}) and classifies the answer. */
final class Broadcaster {
  private final ChainClient chain;

  Broadcaster(ChainClient chain) {
    this.chain = chain;
  }

  /** Sends {@code rawHex}; never throws for a node's refusal or a transport failure, which are classified. */
  BroadcastResult send(String rawHex) {
    try {
      chain.sendRaw(rawHex);
      return BroadcastResult.ACCEPTED;
    } catch (RpcException e) {
      return BroadcastResult.classify(e);
    }
  }
}
