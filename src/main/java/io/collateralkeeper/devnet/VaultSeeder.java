package io.collateralkeeper.devnet;

import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.vault.VaultAbi;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Opens many accounts on a development vault quickly: funds them, mints their collateral in batches, then per account
 * one approval per token and one {@code multicall(deposit..., trade...)}, all as impersonated transactions packed
 * into few blocks. Trades execute at the feeds' current prices.
 */
public final class VaultSeeder {
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final int TXS_PER_BLOCK = 100;

  private final DevnetControl devnet;
  private final VaultDeployment deployment;
  private final VaultAbi vaultAbi;
  private final Address minter;

  /**
   * @param minter any funded address to send the faucet mints from
   */
  public VaultSeeder(DevnetControl devnet, VaultDeployment deployment, Address minter) {
    this.devnet = devnet;
    this.deployment = deployment;
    this.vaultAbi = new VaultAbi(deployment.vault());
    this.minter = minter;
  }

  /** Opens the accounts; throws if any transaction reverts. */
  public void open(List<SeedAccount> accounts) {
    devnet.autoImpersonate(true);
    devnet.setBalances(accounts.stream().map(SeedAccount::address).toList(), BigInteger.TEN.pow(20));
    List<DevnetControl.DevTx> txs = new ArrayList<>(mints(accounts));
    for (SeedAccount a : accounts) {
      List<String> calls = new ArrayList<>();
      for (int c = 0; c < a.deposits().size(); c++) {
        BigInteger amount = a.deposits().get(c);
        if (amount.signum() == 0) continue;
        txs.add(new DevnetControl.DevTx(a.address(), deployment.token(c), token(c).approve(deployment.vault().hex(), MAX).encodeFunctionCall(), 80_000));
        calls.add(vaultAbi.deposit(c, amount));
      }
      for (int m = 0; m < a.trades().size(); m++) {
        if (a.trades().get(m).signum() != 0) calls.add(vaultAbi.trade(m, a.trades().get(m)));
      }
      txs.add(new DevnetControl.DevTx(a.address(), deployment.vault(), vaultAbi.multicall(calls), 1_500_000));
    }
    devnet.sendAll(txs, TXS_PER_BLOCK);
  }

  private List<DevnetControl.DevTx> mints(List<SeedAccount> accounts) {
    List<DevnetControl.DevTx> txs = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < accounts.size(); i += 150) {
        List<String> to = new ArrayList<>();
        List<BigInteger> amounts = new ArrayList<>();
        for (SeedAccount a : accounts.subList(i, Math.min(accounts.size(), i + 150))) {
          if (a.deposits().get(c).signum() == 0) continue;
          to.add(a.address().hex());
          amounts.add(a.deposits().get(c));
        }
        if (to.isEmpty()) continue;
        txs.add(new DevnetControl.DevTx(minter, deployment.token(c), token(c).mintBatch(to, amounts).encodeFunctionCall(), 8_000_000));
      }
    }
    return txs;
  }

  private TestToken token(int collateralId) {
    return TestToken.load(
        deployment.token(collateralId).hex(),
        null,
        new ReadonlyTransactionManager(null, minter.hex()),
        new DefaultGasProvider());
  }
}
