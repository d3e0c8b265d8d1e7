package io.collateralkeeper.devnet.aave;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Map;

/**
 * An account to open on the devnet Aave market: what it supplies and borrows, in token units of each reserve.
 *
 * @param account the account (impersonated; it is given ether for gas)
 * @param eModeCategory e-mode category to enter before borrowing (0 = none)
 * @param supplies amounts to supply by reserve symbol, token units (minted to the account first)
 * @param collateralToggles {@code setUserUseReserveAsCollateral} calls made after supplying, by reserve symbol. An
 *     isolated asset (debt ceiling set) supplied first is not enabled as collateral automatically in Aave V3.0.2
 *     (unless the supplier holds ISOLATED_COLLATERAL_SUPPLIER_ROLE): enable it here.
 * @param variableBorrows amounts to borrow at the variable rate by reserve symbol, token units
 * @param stableBorrows amounts to borrow at the stable rate by reserve symbol, token units
 */
public record AaveBorrower(
    Address account,
    int eModeCategory,
    Map<String, BigInteger> supplies,
    Map<String, Boolean> collateralToggles,
    Map<String, BigInteger> variableBorrows,
    Map<String, BigInteger> stableBorrows) {

  public AaveBorrower {
    supplies = Map.copyOf(supplies);
    collateralToggles = Map.copyOf(collateralToggles);
    variableBorrows = Map.copyOf(variableBorrows);
    stableBorrows = Map.copyOf(stableBorrows);
  }

  /** An account that only supplies (a liquidity provider). */
  public static AaveBorrower supplier(Address account, Map<String, BigInteger> supplies) {
    return new AaveBorrower(account, 0, supplies, Map.of(), Map.of(), Map.of());
  }

  /** An account that supplies and borrows at the variable rate, outside e-mode. */
  public static AaveBorrower variable(
      Address account, Map<String, BigInteger> supplies, Map<String, BigInteger> borrows) {
    return new AaveBorrower(account, 0, supplies, Map.of(), borrows, Map.of());
  }

  /** The same account in e-mode category {@code category}. */
  public AaveBorrower inEMode(int category) {
    return new AaveBorrower(account, category, supplies, collateralToggles, variableBorrows, stableBorrows);
  }

  /** The same account, also calling {@code setUserUseReserveAsCollateral(symbol, use)} after supplying. */
  public AaveBorrower withCollateral(String symbol, boolean use) {
    Map<String, Boolean> toggles = new java.util.HashMap<>(collateralToggles);
    toggles.put(symbol, use);
    return new AaveBorrower(account, eModeCategory, supplies, toggles, variableBorrows, stableBorrows);
  }
}
