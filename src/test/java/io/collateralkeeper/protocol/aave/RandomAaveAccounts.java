package io.collateralkeeper.protocol.aave;

import io.collateralkeeper.devnet.aave.AaveBorrower;
import io.collateralkeeper.devnet.aave.AaveMarketSpec;
import io.collateralkeeper.devnet.aave.EModeSpec;
import io.collateralkeeper.devnet.aave.ReserveSpec;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random borrowers for the {@link AaveMarketSpec#mainnetLike()} market, sized from the spec's prices and LTVs
 * so that every borrow passes the Pool's checks: cross-collateral accounts, e-mode (stablecoin) accounts, isolated
 * LINK accounts and stable-rate borrowers, each using 50-97% of its borrowing power.
 */
final class RandomAaveAccounts {
  /** The kinds of account generated, in proportions 45/20/15/20. */
  enum Kind {
    CROSS,
    EMODE,
    ISOLATED,
    STABLE
  }

  /** A generated account. */
  record Account(Kind kind, AaveBorrower borrower) {}

  private static final List<String> CROSS_COLLATERAL = List.of("WETH", "WBTC", "USDC", "DAI");
  private static final List<String> ANY_DEBT = List.of("WETH", "WBTC", "USDC", "DAI", "USDT", "LINK");
  private static final List<String> STABLES = List.of("USDC", "DAI", "USDT");
  private static final List<String> STABLE_RATE = List.of("USDC", "DAI");

  private final AaveMarketSpec spec;
  private final Random rnd;

  RandomAaveAccounts(AaveMarketSpec spec, long seed) {
    this.spec = spec;
    this.rnd = new Random(seed);
  }

  /** {@code n} accounts with addresses 0x...c0000001 upward. */
  List<Account> generate(int n) {
    List<Account> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Address a = Address.of(String.format("0x%040x", 0xC000_0000L + i + 1));
      int roll = rnd.nextInt(100);
      Kind kind = roll < 45 ? Kind.CROSS : roll < 65 ? Kind.EMODE : roll < 80 ? Kind.ISOLATED : Kind.STABLE;
      out.add(new Account(kind, next(kind, a)));
    }
    return out;
  }

  private AaveBorrower next(Kind kind, Address a) {
    return switch (kind) {
      case CROSS -> cross(a);
      case EMODE -> eMode(a);
      case ISOLATED -> isolated(a);
      case STABLE -> stable(a);
    };
  }

  private AaveBorrower cross(Address a) {
    Map<String, BigInteger> supplies = supplies(pick(CROSS_COLLATERAL, 1 + rnd.nextInt(3)));
    BigInteger power = power(supplies, 0);
    if (rnd.nextInt(5) == 0) {
      // a supply that is not collateral: USDT has no LTV, LINK (isolated) is never enabled automatically
      String extra = rnd.nextBoolean() ? "USDT" : "LINK";
      supplies.put(extra, tokens(extra, usdBase()));
    }
    Map<String, BigInteger> borrows = borrows(pick(ANY_DEBT, 1 + rnd.nextInt(2)), power);
    return new AaveBorrower(a, 0, supplies, Map.of(), borrows, Map.of());
  }

  private AaveBorrower eMode(Address a) {
    List<String> collateral = new ArrayList<>(pick(List.of("USDC", "DAI"), 1 + rnd.nextInt(2)));
    if (rnd.nextInt(3) == 0) collateral.add("WETH");
    Map<String, BigInteger> supplies = supplies(collateral);
    BigInteger power = power(supplies, AaveMarketSpec.STABLECOINS);
    Map<String, BigInteger> borrows = borrows(pick(STABLES, 1 + rnd.nextInt(2)), power);
    return new AaveBorrower(a, AaveMarketSpec.STABLECOINS, supplies, Map.of(), borrows, Map.of());
  }

  private AaveBorrower isolated(Address a) {
    Map<String, BigInteger> supplies = supplies(List.of("LINK"));
    BigInteger power = power(supplies, 0);
    Map<String, BigInteger> borrows = borrows(pick(STABLES, 1), power);
    return new AaveBorrower(a, 0, supplies, Map.of("LINK", true), borrows, Map.of());
  }

  private AaveBorrower stable(Address a) {
    Map<String, BigInteger> supplies = supplies(pick(List.of("WETH", "WBTC"), 1 + rnd.nextInt(2)));
    BigInteger power = power(supplies, 0);
    String stableAsset = STABLE_RATE.get(rnd.nextInt(STABLE_RATE.size()));
    BigInteger target = share(power);
    Map<String, BigInteger> stableBorrows = new LinkedHashMap<>();
    Map<String, BigInteger> variableBorrows = new LinkedHashMap<>();
    if (rnd.nextBoolean()) {
      stableBorrows.put(stableAsset, tokens(stableAsset, target));
    } else {
      // part stable, part variable (possibly of the same asset)
      BigInteger stablePart = target.multiply(BigInteger.valueOf(30 + rnd.nextInt(61))).divide(BigInteger.valueOf(100));
      stableBorrows.put(stableAsset, tokens(stableAsset, stablePart));
      String other = ANY_DEBT.get(rnd.nextInt(ANY_DEBT.size()));
      variableBorrows.put(other, tokens(other, target.subtract(stablePart)));
    }
    return new AaveBorrower(a, 0, supplies, Map.of(), variableBorrows, stableBorrows);
  }

  /** $500 to $150,000 of each asset. */
  private Map<String, BigInteger> supplies(List<String> symbols) {
    Map<String, BigInteger> out = new LinkedHashMap<>();
    for (String s : symbols) out.put(s, tokens(s, usdBase()));
    return out;
  }

  /** Borrowing power in USD (8 decimals): value x LTV (the category's LTV for category assets in e-mode). */
  private BigInteger power(Map<String, BigInteger> supplies, int eMode) {
    BigInteger total = BigInteger.ZERO;
    for (var e : supplies.entrySet()) {
      ReserveSpec r = spec.reserve(e.getKey());
      int ltv = eMode != 0 && r.eModeCategory() == eMode ? category(eMode).ltvBps() : r.ltvBps();
      BigInteger value = e.getValue().multiply(r.price()).divide(BigInteger.TEN.pow(r.decimals()));
      total = total.add(value.multiply(BigInteger.valueOf(ltv)).divide(BigInteger.valueOf(10_000)));
    }
    return total;
  }

  /** Borrows 50-97% of {@code power}, split at random between {@code symbols}. */
  private Map<String, BigInteger> borrows(List<String> symbols, BigInteger power) {
    BigInteger target = share(power);
    Map<String, BigInteger> out = new LinkedHashMap<>();
    BigInteger left = target;
    for (int i = 0; i < symbols.size(); i++) {
      BigInteger fraction = BigInteger.valueOf(20 + rnd.nextInt(61));
      BigInteger part = i == symbols.size() - 1 ? left : left.multiply(fraction).divide(BigInteger.valueOf(100));
      left = left.subtract(part);
      BigInteger amount = tokens(symbols.get(i), part);
      if (amount.signum() > 0) out.put(symbols.get(i), amount);
    }
    return out;
  }

  /** 50% to 97% of {@code power}. */
  private BigInteger share(BigInteger power) {
    return power.multiply(BigInteger.valueOf(5_000 + rnd.nextInt(4_701))).divide(BigInteger.valueOf(10_000));
  }

  private EModeSpec category(int id) {
    return spec.eModes().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
  }

  /** Token units worth {@code usd8} at the spec price, rounded down. */
  private BigInteger tokens(String symbol, BigInteger usd8) {
    ReserveSpec r = spec.reserve(symbol);
    return usd8.multiply(BigInteger.TEN.pow(r.decimals())).divide(r.price());
  }

  /** A USD amount (8 decimals) between $500 and $150,000, log-uniform. */
  private BigInteger usdBase() {
    double dollars = 500 * Math.pow(300, rnd.nextDouble()); // test data only, never an on-chain value
    return BigInteger.valueOf((long) dollars).multiply(BigInteger.TEN.pow(8));
  }

  private List<String> pick(List<String> from, int k) {
    List<String> copy = new ArrayList<>(from);
    Collections.shuffle(copy, rnd);
    return copy.subList(0, Math.min(k, copy.size()));
  }
}
