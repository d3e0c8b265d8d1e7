package io.collateralkeeper.devnet.uniswap;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.devnet.NpmArtifact;
import java.nio.file.Path;
import org.web3j.crypto.Hash;

/**
 * The Uniswap V2 build artifacts of the pinned npm packages, and the check that makes the router usable: Router02's
 * {@code UniswapV2Library.pairFor} computes pair addresses with a hard-coded CREATE2 init code hash, which must be
 * keccak256 of the pair's creation bytecode that the factory deploys.
 *
 * <p>With {@code @uniswap/v2-core} 1.0.1 and {@code @uniswap/v2-periphery} 1.1.0-beta.0 it matches (0x96e8ac42...845f,
 * the mainnet value), so the unmodified router bytecode is deployed; a mismatch fails loudly instead of producing a
 * router that computes wrong pair addresses.
 */
public final class UniswapArtifacts {
  public static final String FACTORY = "@uniswap/v2-core/build/UniswapV2Factory.json";
  public static final String PAIR = "@uniswap/v2-core/build/UniswapV2Pair.json";
  public static final String ROUTER = "@uniswap/v2-periphery/build/UniswapV2Router02.json";

  public final NpmArtifact factory;
  public final NpmArtifact pair;
  public final NpmArtifact router;

  private UniswapArtifacts(NpmArtifact factory, NpmArtifact pair, NpmArtifact router) {
    this.factory = factory;
    this.pair = pair;
    this.router = router;
  }

  /**
   * Reads the artifacts and checks the router's init code hash.
   *
   * @throws KeeperException when an artifact is missing or the hash does not match
   */
  public static UniswapArtifacts read(Path nodeModules) {
    UniswapArtifacts a =
        new UniswapArtifacts(
            NpmArtifact.read(nodeModules, FACTORY),
            NpmArtifact.read(nodeModules, PAIR),
            NpmArtifact.read(nodeModules, ROUTER));
    String hash = a.pairInitCodeHash();
    if (!a.router.bytecode().contains(hash.substring(2))) {
      throw new KeeperException(
          "UniswapV2Router02 does not hold the pair init code hash " + hash + ": its pairFor would compute wrong pair"
              + " addresses; check the pinned @uniswap packages");
    }
    return a;
  }

  /** keccak256 of UniswapV2Pair's creation bytecode, 0x-hex: the CREATE2 init code hash of every pair. */
  public String pairInitCodeHash() {
    return Hash.sha3(pair.linked(java.util.Map.of()));
  }
}
