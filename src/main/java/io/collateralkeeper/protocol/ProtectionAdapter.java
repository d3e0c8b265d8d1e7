package io.collateralkeeper.protocol;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.var.Exposure;
import io.collateralkeeper.strategy.protect.ProtectOption;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What protect mode ({@code keeper protect}) needs from a protocol, on top of {@link ProtocolAdapter}'s refresh and
 * evaluation: size and encode the user's own corrective actions with the same local math the liquidator uses
 * ({@code VaultMath}, {@code AaveMath}), so the health an action leaves is known exactly before it is sent.
 *
 * <p>Every method works on the state cached by the last {@link #refresh}; nothing here sends a transaction. Health
 * factors are wad (1e18 = 1.0); token amounts are token units (the token's decimals); USD values are wad.
 */
public interface ProtectionAdapter extends ProtocolAdapter {
  /** The account's health from the cached state, wad; empty when it was not read. */
  Optional<BigInteger> health(Address account);

  /**
   * Why the account cannot be acted on now, e.g. a stale price feed (the vault reverts on stale prices); empty when it
   * can.
   */
  Optional<String> protectionBlocked(Address account);

  /**
   * Sizes one kind of action on an account: for each token (top-up, repay, withdrawal) or position (reduction) it
   * applies to, the least amount that reaches the target within the allowance (or the allowance, short of the
   * target), or for a withdrawal the most that keeps the target and the protocol's own withdrawal check. An action
   * that does not apply gives no option (e.g. repay on the vault, a token that is not a collateral).
   *
   * @return options in the order to try them (the user's token order; reductions smallest first)
   */
  List<ProtectOption> sizeProtection(Address account, ProtectRequest request);

  /**
   * The transaction for a sized option, sent from the wallet: vault {@code deposit}, {@code trade} (reduce) or
   * {@code withdraw}; Aave {@code supply(asset, amount, account, 0)}, {@code repay(asset, amount, 2, account)} or
   * {@code withdraw(asset, amount, wallet)}.
   */
  TxCall encodeProtection(Address account, Address wallet, ProtectOption option);

  /** The prices of the cached state (to re-evaluate an account after an action lands, at the prices it was sized at). */
  PriceSnapshot priceSnapshot();

  /** The account's health from its cached state at the given prices, wad; empty when it was not read. */
  Optional<BigInteger> healthAt(Address account, PriceSnapshot prices);

  /**
   * The account's exposure to each price feed, for the volatility-aware target; empty when it has no requirement
   * (no position, no debt).
   *
   * @param floorWad the health the target keeps the account above
   */
  Optional<Exposure> exposure(Address account, BigInteger floorWad);

  /**
   * ERC-20 {@code approve(spender, max)} calls the wallet still needs before it can top up or repay with these tokens
   * (the spender is the vault or the Pool); tokens already approved are left out.
   *
   * @param block block to read the allowances at
   */
  List<TxCall> protectionApprovals(Address wallet, Collection<Address> tokens, long block);

  /**
   * The account's health as the protocol's own view function reports it at a block (vault {@code healthFactor},
   * Aave {@code getUserAccountData}), wad: the independent check after an action is included.
   *
   * @throws io.collateralkeeper.chain.RpcException when the call fails
   */
  BigInteger healthOnChain(Address account, long block);
}
