package io.collateralkeeper.devnet.aave;

import static io.collateralkeeper.devnet.AbiValues.address;
import static io.collateralkeeper.devnet.AbiValues.addresses;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.contracts.aave.ACLManager;
import io.collateralkeeper.contracts.aave.Pool;
import io.collateralkeeper.contracts.aave.PoolAddressesProvider;
import io.collateralkeeper.contracts.aave.PoolConfigurator;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.TxPlan;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * Deploys a real Aave V3.0.2 market on a development chain from the npm {@code @aave/core-v3} 1.19.3 artifacts, the
 * way Aave's own deploy scripts do: PoolAddressesProvider, ACLManager and roles, the logic libraries, Pool and
 * PoolConfigurator implementations behind the provider's proxies, AaveOracle over our settable feeds, the
 * AaveProtocolDataProvider, then the reserves ({@link ReserveListing}).
 *
 * <p>Two batches of transactions, each sent at once with precomputed CREATE addresses and mined into as few blocks as
 * the gas limit allows; the same deployer with the same starting nonce on a fresh chain yields the same addresses.
 */
public final class AaveDeployer {
  private static final long CALL_GAS = 500_000;

  private AaveDeployer() {}

  /**
   * Deploys the market.
   *
   * @param nodeModules the project's node_modules (holding {@code @aave/core-v3})
   * @param admin the deployer (a dev account or any address: it is impersonated); it gets every admin role
   * @throws KeeperException when an artifact is missing or a deployment transaction reverts
   */
  public static AaveDeployment deploy(ChainClient chain, Path nodeModules, Address admin, AaveMarketSpec spec) {
    DevnetControl devnet = new DevnetControl(chain);
    devnet.impersonate(admin);
    long startBlock = chain.blockNumber() + 1;
    AaveArtifacts artifacts = new AaveArtifacts(nodeModules);
    TxPlan plan = new TxPlan(admin, chain.pendingNonce(admin));
    List<Address> assets = new ArrayList<>();
    List<Address> feeds = new ArrayList<>();
    for (ReserveSpec r : spec.reserves()) {
      assets.add(plan.create("0x" + TestToken.BINARY + FunctionEncoder.encodeConstructor(tokenArgs(r)), 2_000_000));
      feeds.add(plan.create("0x" + MockAggregator.BINARY + FunctionEncoder.encodeConstructor(feedArgs(r)), 2_000_000));
    }
    Core core = planCore(plan, artifacts, spec, assets, feeds);
    devnet.sendAll(plan.txs(), plan.txs().size());

    long head = chain.blockNumber();
    PoolAddressesProvider p = Wrappers.at(core.provider, PoolAddressesProvider::load);
    Address pool = firstAddress(Wrappers.read(chain, core.provider, p.getPool(), head));
    Address configurator = firstAddress(Wrappers.read(chain, core.provider, p.getPoolConfigurator(), head));
    ReserveListing listing = new ReserveListing(artifacts, core.provider, pool, configurator, admin);
    TxPlan reservesPlan = new TxPlan(admin, chain.pendingNonce(admin));
    listing.plan(reservesPlan, spec, assets);
    devnet.sendAll(reservesPlan.txs(), reservesPlan.txs().size());

    List<AaveReserve> reserves = listing.read(chain, core.dataProvider, spec, assets, feeds);
    return new AaveDeployment(
        admin, core.provider, core.acl, pool, core.poolImpl, configurator, core.oracle, core.dataProvider, reserves,
        startBlock);
  }

  private record Core(Address provider, Address acl, Address poolImpl, Address oracle, Address dataProvider) {}

  /**
   * Provider, ACL and roles, libraries, Pool and PoolConfigurator behind the provider's proxies, oracle, data provider.
   */
  private static Core planCore(
      TxPlan plan, AaveArtifacts artifacts, AaveMarketSpec spec, List<Address> assets, List<Address> feeds) {
    Address admin = plan.sender();
    Address provider =
        artifacts.create(plan, "PoolAddressesProvider", List.of(new Utf8String(spec.marketId()), address(admin)));
    PoolAddressesProvider p = Wrappers.at(provider, PoolAddressesProvider::load);
    plan.call(provider, p.setACLAdmin(admin.hex()).encodeFunctionCall(), CALL_GAS);
    Address acl = artifacts.create(plan, "ACLManager", List.of(address(provider)));
    plan.call(provider, p.setACLManager(acl.hex()).encodeFunctionCall(), CALL_GAS);
    ACLManager roles = Wrappers.at(acl, ACLManager::load);
    plan.call(acl, roles.addPoolAdmin(admin.hex()).encodeFunctionCall(), CALL_GAS);
    plan.call(acl, roles.addRiskAdmin(admin.hex()).encodeFunctionCall(), CALL_GAS);
    plan.call(acl, roles.addEmergencyAdmin(admin.hex()).encodeFunctionCall(), CALL_GAS);
    plan.call(acl, roles.addAssetListingAdmin(admin.hex()).encodeFunctionCall(), CALL_GAS);

    artifacts.planLibraries(plan);
    Address poolImpl = artifacts.create(plan, "Pool", List.of(address(provider)));
    plan.call(poolImpl, Wrappers.at(poolImpl, Pool::load).initialize(provider.hex()).encodeFunctionCall(), CALL_GAS);
    plan.call(provider, p.setPoolImpl(poolImpl.hex()).encodeFunctionCall(), 2_000_000);
    Address configuratorImpl = artifacts.create(plan, "PoolConfigurator", List.of());
    String init = Wrappers.at(configuratorImpl, PoolConfigurator::load).initialize(provider.hex()).encodeFunctionCall();
    plan.call(configuratorImpl, init, CALL_GAS);
    plan.call(provider, p.setPoolConfiguratorImpl(configuratorImpl.hex()).encodeFunctionCall(), 2_000_000);

    Address oracle =
        artifacts.create(
            plan,
            "AaveOracle",
            List.of(
                address(provider),
                addresses(assets),
                addresses(feeds),
                address(Address.ZERO),
                address(Address.ZERO),
                new Uint256(Units.PRICE_UNIT)));
    plan.call(provider, p.setPriceOracle(oracle.hex()).encodeFunctionCall(), CALL_GAS);
    Address dataProvider = artifacts.create(plan, "AaveProtocolDataProvider", List.of(address(provider)));
    plan.call(provider, p.setPoolDataProvider(dataProvider.hex()).encodeFunctionCall(), CALL_GAS);
    return new Core(provider, acl, poolImpl, oracle, dataProvider);
  }

  private static List<Type> tokenArgs(ReserveSpec r) {
    return List.of(
        new Utf8String(r.symbol() + " (devnet)"),
        new Utf8String(r.symbol()),
        new Uint8(BigInteger.valueOf(r.decimals())));
  }

  private static List<Type> feedArgs(ReserveSpec r) {
    return List.of(new Uint8(BigInteger.valueOf(8)), new Utf8String(r.symbol() + " / USD"), new Int256(r.price()));
  }

  private static Address firstAddress(List<Type> decoded) {
    return Address.of(decoded.get(0).getValue().toString());
  }
}
