package io.collateralkeeper.bench;

import io.collateralkeeper.contracts.BenchVaultSeeder;
import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.VaultDeployment;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Writes accounts into a deployed reference vault in bulk: the vault's runtime code is swapped for {@code
 * BenchVaultSeeder}'s ({@code anvil_setCode}; same storage layout by inheritance, no immutables), the seeder's
 * {@code seed} / {@code bump} run as the vault owner's transactions, and the vault's code is put back. The tokens the
 * accounts hold are minted to the vault so that liquidations can pay out. Development chains only.
 */
public final class BenchSeeder {
  /** Gas a {@code seed} transaction is given per account (an account writes at most 3 balances and 2 positions). */
  static final long GAS_PER_ACCOUNT = 200_000;
  /** Gas a {@code bump} transaction is given per account. */
  static final long GAS_PER_BUMP = 40_000;

  private final DevnetControl devnet;
  private final VaultDeployment deployment;
  private final Address owner;
  private final String vaultCode;
  private final String seederCode;

  /**
   * Reads the vault's runtime code and computes the seeder's.
   *
   * @param owner the vault's owner (the deployer), an unlocked or impersonated account
   * @throws io.collateralkeeper.chain.RpcException when the node fails
   */
  public BenchSeeder(DevnetControl devnet, VaultDeployment deployment, Address owner) {
    this.devnet = devnet;
    this.deployment = deployment;
    this.owner = owner;
    this.vaultCode = devnet.code(deployment.vault());
    this.seederCode = devnet.runtimeCode(BenchVaultSeeder.BINARY, owner);
    if (vaultCode.length() < 4) throw new IllegalStateException("no vault code at " + deployment.vault());
  }

  /**
   * Writes the accounts, {@code perTx} to a transaction and {@code txsPerBlock} transactions to a block (the block gas
   * limit must hold {@code perTx x txsPerBlock x} {@value #GAS_PER_ACCOUNT} gas), then mints the book's token totals to
   * the vault in one more block.
   *
   * @param progress told the number of accounts written after each block
   * @throws io.collateralkeeper.KeeperException when a transaction reverts
   */
  public void seed(BenchBook book, int perTx, int txsPerBlock, Consumer<Integer> progress) {
    List<BenchAccount> accounts = book.accounts();
    swapped(() -> {
      int perBlock = perTx * txsPerBlock;
      for (int from = 0; from < accounts.size(); from += perBlock) {
        List<DevnetControl.DevTx> txs = new ArrayList<>();
        int to = Math.min(accounts.size(), from + perBlock);
        for (int i = from; i < to; i += perTx) {
          List<BenchAccount> chunk = accounts.subList(i, Math.min(to, i + perTx));
          txs.add(new DevnetControl.DevTx(owner, deployment.vault(), seedCall(chunk), GAS_PER_ACCOUNT * chunk.size()));
        }
        devnet.sendAll(txs, txs.size());
        progress.accept(to);
      }
    });
    List<BigInteger> totals = book.totals();
    List<DevnetControl.DevTx> mints = new ArrayList<>();
    for (int c = 0; c < totals.size(); c++) {
      if (totals.get(c).signum() > 0) mints.add(mint(c, totals.get(c)));
    }
    devnet.sendAll(mints, mints.size());
  }

  /**
   * Adds {@code amount} of collateral {@code collateralId} to each account (a {@code Deposited} event each, as a
   * deposit would emit) and mints the total to the vault, all in one new block.
   *
   * @param amount token units per account
   */
  public void bump(List<Address> accounts, int collateralId, BigInteger amount) {
    String call =
        seeder().bump(accounts.stream().map(Address::hex).toList(), BigInteger.valueOf(collateralId), amount).encodeFunctionCall();
    List<DevnetControl.DevTx> txs =
        List.of(
            new DevnetControl.DevTx(owner, deployment.vault(), call, 100_000 + GAS_PER_BUMP * accounts.size()),
            mint(collateralId, amount.multiply(BigInteger.valueOf(accounts.size()))));
    swapped(() -> devnet.sendAll(txs, txs.size()));
  }

  /** Runs {@code work} with the seeder's code at the vault's address, and always puts the vault's code back. */
  private void swapped(Runnable work) {
    devnet.setCode(deployment.vault(), seederCode);
    try {
      work.run();
    } finally {
      devnet.setCode(deployment.vault(), vaultCode);
    }
  }

  private String seedCall(List<BenchAccount> chunk) {
    List<BenchVaultSeeder.SeedAccount> structs = new ArrayList<>(chunk.size());
    for (BenchAccount a : chunk) {
      structs.add(
          new BenchVaultSeeder.SeedAccount(
              a.address().hex(), a.state().balances(), a.state().sizes(), a.state().entryPrices()));
    }
    return seeder().seed(structs).encodeFunctionCall();
  }

  private DevnetControl.DevTx mint(int collateralId, BigInteger amount) {
    Address token = deployment.token(collateralId);
    TestToken t =
        TestToken.load(token.hex(), null, new ReadonlyTransactionManager(null, owner.hex()), new DefaultGasProvider());
    return new DevnetControl.DevTx(owner, token, t.mint(deployment.vault().hex(), amount).encodeFunctionCall(), 100_000);
  }

  private BenchVaultSeeder seeder() {
    String vault = deployment.vault().hex();
    return BenchVaultSeeder.load(vault, null, new ReadonlyTransactionManager(null, owner.hex()), new DefaultGasProvider());
  }
}
