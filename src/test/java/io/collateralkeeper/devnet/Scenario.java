package io.collateralkeeper.devnet;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Opens long accounts on a {@link DevnetFixture} at an entry price above the start price (test helper). */
public final class Scenario {
  private Scenario() {}

  /** Opens {@code n} long accounts with health between lo and hi (wad) at the fixture's start prices. */
  public static List<Address> openLongs(DevnetFixture fx, int n, long seed, BigInteger lo, BigInteger hi) {
    var layoutConfig = new io.collateralkeeper.protocol.vault.VaultReader(
            fx.chain, new io.collateralkeeper.chain.Multicall(fx.chain, fx.deployment.multicall(), 250), fx.deployment.vault())
        .readLayout(fx.chain.blockNumber())
        .config();
    AccountGenerator gen = new AccountGenerator(layoutConfig, seed);
    BigInteger ethHi = DevnetFixture.ETH_START.multiply(BigInteger.valueOf(108)).divide(BigInteger.valueOf(100));
    BigInteger btcHi = DevnetFixture.BTC_START.multiply(BigInteger.valueOf(108)).divide(BigInteger.valueOf(100));
    VaultPrices entry = VaultDeployment.prices(ethHi, btcHi);
    VaultPrices start = VaultDeployment.prices(DevnetFixture.ETH_START, DevnetFixture.BTC_START);
    List<SeedAccount> accounts = new ArrayList<>();
    for (int i = 0; i < n; i++) accounts.add(gen.next(i, true, entry, start, lo, hi, 2_000, 50_000));
    fx.setPrices(ethHi, btcHi);
    new VaultSeeder(fx.devnet, fx.deployment, Address.of(fx.deployer.getAddress())).open(accounts);
    fx.setPrices(DevnetFixture.ETH_START, DevnetFixture.BTC_START);
    return accounts.stream().map(SeedAccount::address).toList();
  }

  /** 1.0 + x/100 as a wad. */
  public static BigInteger health(int hundredths) {
    return Units.WAD.multiply(BigInteger.valueOf(hundredths)).divide(BigInteger.valueOf(100));
  }
}
