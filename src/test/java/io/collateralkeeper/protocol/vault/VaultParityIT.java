package io.collateralkeeper.protocol.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.devnet.AccountGenerator;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.SeedAccount;
import io.collateralkeeper.devnet.VaultSeeder;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.AccountValue;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Local health equals the vault's, to the wei, for thousands of random accounts under several price scenarios,
 * including ones that push accounts into negative equity.
 */
class VaultParityIT {
  private static final int ACCOUNTS = 2_000;
  private static DevnetFixture fx;
  private static VaultReader reader;
  private static VaultLayout layout;
  private static List<Address> accounts = new ArrayList<>();

  @BeforeAll
  static void openAccounts() {
    fx = DevnetFixture.start();
    reader = new VaultReader(fx.chain, new Multicall(fx.chain, fx.deployment.multicall(), 250), fx.deployment.vault());
    layout = reader.readLayout(fx.chain.blockNumber());
    AccountGenerator gen = new AccountGenerator(layout.config(), 42);
    Random rnd = new Random(7);
    VaultSeeder seeder = new VaultSeeder(fx.devnet, fx.deployment, Address.of(fx.deployer.getAddress()));
    int groups = 8;
    for (int g = 0; g < groups; g++) {
      BigInteger eth = scale(DevnetFixture.ETH_START, 70 + rnd.nextInt(61));
      BigInteger btc = scale(DevnetFixture.BTC_START, 70 + rnd.nextInt(61));
      fx.setPrices(eth, btc);
      VaultPrices p = io.collateralkeeper.devnet.VaultDeployment.prices(eth, btc);
      List<SeedAccount> group = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS / groups; i++) {
        int index = g * (ACCOUNTS / groups) + i;
        group.add(gen.next(index, rnd.nextBoolean(), p, p, Units.WAD.multiply(BigInteger.TWO), Units.WAD.multiply(BigInteger.valueOf(5)), 100, 500_000));
      }
      seeder.open(group);
      group.forEach(a -> accounts.add(a.address()));
    }
  }

  @AfterAll
  static void stop() {
    if (fx != null) fx.close();
  }

  @Test
  void localHealthEqualsOnChainHealthToTheWeiUnderManyPriceScenarios() {
    Random rnd = new Random(99);
    int liquidatableSeen = 0;
    int negativeEquitySeen = 0;
    for (int scenario = 0; scenario < 5; scenario++) {
      int ethPct = scenario == 0 ? 100 : 40 + rnd.nextInt(141);
      int btcPct = scenario == 0 ? 100 : 40 + rnd.nextInt(141);
      fx.setPrices(scale(DevnetFixture.ETH_START, ethPct), scale(DevnetFixture.BTC_START, btcPct));
      long block = fx.chain.blockNumber();
      VaultPrices prices = layout.prices(reader.readFeeds(List.copyOf(layout.feeds()), block));
      Map<Address, VaultAccount> states = reader.readAccounts(accounts, block);
      List<CallRequest> calls = new ArrayList<>();
      for (Address a : accounts) {
        calls.add(new CallRequest(fx.deployment.vault(), reader.abi().healthFactor(a)));
        calls.add(new CallRequest(fx.deployment.vault(), reader.abi().accountValue(a)));
      }
      List<CallResult> onChain = new Multicall(fx.chain, fx.deployment.multicall(), 250).aggregate(calls, block);
      for (int i = 0; i < accounts.size(); i++) {
        Address a = accounts.get(i);
        AccountValue local = VaultMath.value(layout.config(), states.get(a), prices);
        BigInteger chainHealth = reader.abi().decodeUint(onChain.get(2 * i).returnData());
        AccountValue chainValue = reader.abi().decodeAccountValue(onChain.get(2 * i + 1).returnData());
        assertThat(local).as("account value of %s in scenario %d", a, scenario).isEqualTo(chainValue);
        assertThat(local.healthFactor()).as("health of %s in scenario %d", a, scenario).isEqualTo(chainHealth);
        if (local.liquidatable()) liquidatableSeen++;
        if (local.equity().signum() < 0) negativeEquitySeen++;
      }
    }
    // The scenarios must exercise the interesting regions, or the comparison proves little.
    assertThat(liquidatableSeen).isGreaterThan(100);
    assertThat(negativeEquitySeen).isGreaterThan(10);
  }

  private static BigInteger scale(BigInteger price, int percent) {
    return price.multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100));
  }
}
