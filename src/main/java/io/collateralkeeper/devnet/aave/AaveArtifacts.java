package io.collateralkeeper.devnet.aave;

import io.collateralkeeper.devnet.NpmArtifact;
import io.collateralkeeper.devnet.TxPlan;
import io.collateralkeeper.domain.Address;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Type;

/**
 * The Aave V3.0.2 build artifacts of the pinned npm package {@code @aave/core-v3} 1.19.3, read from node_modules, and
 * their logic libraries: deployed once per market and linked into Pool and PoolConfigurator as their
 * {@code linkReferences} demand.
 */
final class AaveArtifacts {
  private static final String ROOT = "@aave/core-v3/artifacts/contracts/";
  private static final Map<String, String> DIRS =
      Map.ofEntries(
          Map.entry("PoolAddressesProvider", "protocol/configuration"),
          Map.entry("ACLManager", "protocol/configuration"),
          Map.entry("Pool", "protocol/pool"),
          Map.entry("PoolConfigurator", "protocol/pool"),
          Map.entry("DefaultReserveInterestRateStrategy", "protocol/pool"),
          Map.entry("AaveOracle", "misc"),
          Map.entry("AaveProtocolDataProvider", "misc"),
          Map.entry("AToken", "protocol/tokenization"),
          Map.entry("VariableDebtToken", "protocol/tokenization"),
          Map.entry("StableDebtToken", "protocol/tokenization"));
  /** Logic libraries, each after the libraries it links (FlashLoanLogic links BorrowLogic). */
  private static final List<String> LIBRARIES =
      List.of(
          "BorrowLogic", "SupplyLogic", "LiquidationLogic", "EModeLogic", "BridgeLogic", "FlashLoanLogic",
          "PoolLogic", "ConfiguratorLogic");

  private final Path nodeModules;
  private final Map<String, NpmArtifact> cache = new HashMap<>();
  private final Map<String, Address> libraries = new LinkedHashMap<>();

  AaveArtifacts(Path nodeModules) {
    this.nodeModules = nodeModules;
  }

  /** Plans the deployment of every logic library; their addresses are then linked by {@link #initCode}. */
  void planLibraries(TxPlan plan) {
    for (String lib : LIBRARIES) libraries.put(lib, create(plan, lib, List.of()));
  }

  /** Plans the deployment of contract {@code name} with its libraries linked; returns its address. */
  Address create(TxPlan plan, String name, List<Type> constructorArgs) {
    return plan.create(initCode(name, constructorArgs));
  }

  /** The linked init code of {@code name} with encoded constructor arguments, 0x-hex. */
  String initCode(String name, List<Type> constructorArgs) {
    return artifact(name).initCode(libraries, constructorArgs);
  }

  private NpmArtifact artifact(String name) {
    return cache.computeIfAbsent(name, n -> NpmArtifact.read(nodeModules, ROOT + path(n)));
  }

  private static String path(String name) {
    String dir = DIRS.containsKey(name) ? DIRS.get(name) : "protocol/libraries/logic";
    return dir + "/" + name + ".sol/" + name + ".json";
  }
}
