package io.collateralkeeper.devnet;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

/**
 * How to start a local Anvil chain.
 *
 * @param chainId chain id (31337 for a dev chain)
 * @param accounts number of funded dev accounts
 * @param blockGasLimit block gas limit
 * @param blockBaseFee initial base fee in wei, or null for Anvil's default
 * @param forkUrl upstream JSON-RPC URL to fork, or null
 * @param forkBlock block to fork at, or null for the upstream head
 * @param noMining start with automine off (blocks mined only by {@code evm_mine})
 * @param startTimeout how long to wait for the RPC to answer
 * @param extraArgs further command-line arguments
 */
public record AnvilOptions(
    long chainId,
    int accounts,
    long blockGasLimit,
    BigInteger blockBaseFee,
    String forkUrl,
    Long forkBlock,
    boolean noMining,
    Duration startTimeout,
    List<String> extraArgs) {

  /** A plain dev chain: chain id 31337, 10 accounts, 30M gas blocks, automine. */
  public static AnvilOptions devnet() {
    return new AnvilOptions(31337, 10, 30_000_000L, null, null, null, false, Duration.ofSeconds(30), List.of());
  }

  public AnvilOptions withGasLimit(long gasLimit) {
    return new AnvilOptions(chainId, accounts, gasLimit, blockBaseFee, forkUrl, forkBlock, noMining, startTimeout, extraArgs);
  }

  /**
   * Forks {@code url} (an upstream JSON-RPC endpoint: Anvil reads state from it, never sends it anything to write).
   *
   * @param block the upstream block to fork at, or null for its head
   */
  public AnvilOptions withFork(String url, Long block) {
    return new AnvilOptions(chainId, accounts, blockGasLimit, blockBaseFee, url, block, noMining, startTimeout, extraArgs);
  }

  /** The chain id to serve (a fork keeps its upstream's). */
  public AnvilOptions withChainId(long id) {
    return new AnvilOptions(id, accounts, blockGasLimit, blockBaseFee, forkUrl, forkBlock, noMining, startTimeout, extraArgs);
  }

  /** Automine off ({@code --no-mining}): blocks are mined only by {@code evm_mine}. */
  public AnvilOptions withNoMining(boolean off) {
    return new AnvilOptions(chainId, accounts, blockGasLimit, blockBaseFee, forkUrl, forkBlock, off, startTimeout, extraArgs);
  }

  /** Further command-line arguments, after the others. */
  public AnvilOptions withExtraArgs(List<String> args) {
    return new AnvilOptions(chainId, accounts, blockGasLimit, blockBaseFee, forkUrl, forkBlock, noMining, startTimeout, List.copyOf(args));
  }

  /** How long to wait for the RPC to answer (a fork of a remote node takes longer to start). */
  public AnvilOptions withStartTimeout(Duration timeout) {
    return new AnvilOptions(chainId, accounts, blockGasLimit, blockBaseFee, forkUrl, forkBlock, noMining, timeout, extraArgs);
  }
}
