package io.collateralkeeper.bench;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.vault.VaultAbi;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The vault's own {@code healthFactor(account)} for many accounts, through Multicall3 (independent of the keeper). */
public final class OnChainHealth {
  private final Multicall multicall;
  private final Address vault;
  private final VaultAbi abi;

  public OnChainHealth(Multicall multicall, Address vault) {
    this.multicall = multicall;
    this.vault = vault;
    this.abi = new VaultAbi(vault);
  }

  /**
   * Health factors (wad) at {@code block}, in order.
   *
   * @throws io.collateralkeeper.chain.RpcException when the node fails or a call reverts
   */
  public List<BigInteger> of(List<Address> accounts, long block) {
    List<CallRequest> calls = new ArrayList<>(accounts.size());
    for (Address a : accounts) calls.add(new CallRequest(vault, abi.healthFactor(a)));
    List<BigInteger> out = new ArrayList<>(accounts.size());
    for (CallResult r : multicall.aggregate(calls, block)) {
      if (!r.success()) throw new io.collateralkeeper.chain.RpcException("healthFactor reverted on the vault " + vault);
      out.add(abi.decodeUint(r.returnData()));
    }
    return out;
  }

  /** How many of the accounts the vault reports below a health factor of 1 at {@code block}. */
  public int countLiquidatable(List<Address> accounts, long block) {
    int n = 0;
    for (int i = 0; i < accounts.size(); i += 10_000) {
      for (BigInteger h : of(accounts.subList(i, Math.min(accounts.size(), i + 10_000)), block)) {
        if (h.compareTo(Units.WAD) < 0) n++;
      }
    }
    return n;
  }
}
