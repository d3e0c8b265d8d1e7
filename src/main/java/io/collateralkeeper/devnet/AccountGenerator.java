package io.collateralkeeper.devnet;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.AccountValue;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates a seeded mix of vault accounts: one or two perp positions (all long or all short), collateral in one to
 * three of the vault's tokens, and deposits sized with the vault's own math so that each account's health factor at
 * the evaluation prices lands at a drawn target (slightly above it, since amounts round up). Positions are opened at
 * an entry price that differs from the evaluation price, which is how an account can sit below its initial margin.
 */
public final class AccountGenerator {
  private final VaultConfig config;
  private final Random random;
  private final long seed;

  /**
   * @param config the vault's parameters (collateral and market ids as deployed)
   * @param seed random seed: the same seed gives the same accounts
   */
  public AccountGenerator(VaultConfig config, long seed) {
    this.config = config;
    this.seed = seed;
    this.random = new Random(seed);
  }

  /**
   * Draws one account.
   *
   * @param index account number, makes the address
   * @param isLong direction of every position
   * @param entry prices at which the positions open
   * @param eval prices at which the health should equal {@code health}
   * @param minHealth lower bound of the health target, wad
   * @param maxHealth upper bound of the health target, wad
   * @param minNotionalUsd smallest position notional, whole USD
   * @param maxNotionalUsd largest position notional, whole USD
   */
  public SeedAccount next(
      int index,
      boolean isLong,
      VaultPrices entry,
      VaultPrices eval,
      BigInteger minHealth,
      BigInteger maxHealth,
      long minNotionalUsd,
      long maxNotionalUsd) {
    int nm = config.markets().size();
    List<BigInteger> trades = new ArrayList<>(Collections.nCopies(nm, BigInteger.ZERO));
    List<BigInteger> entries = new ArrayList<>(Collections.nCopies(nm, BigInteger.ZERO));
    int first = random.nextInt(nm);
    for (int m = 0; m < nm; m++) {
      if (m != first && random.nextInt(3) != 0) continue;
      double logN = Math.log(minNotionalUsd) + random.nextDouble() * (Math.log(maxNotionalUsd) - Math.log(minNotionalUsd));
      BigInteger notionalUsd = BigInteger.valueOf(Math.round(Math.exp(logN)));
      // size (wad) = notional x 1e18 x 1e8 / price(8 decimals)
      BigInteger size = notionalUsd.multiply(Units.WAD).multiply(Units.PRICE_UNIT).divide(entry.market().get(m));
      trades.set(m, isLong ? size : size.negate());
      entries.set(m, entry.market().get(m));
    }
    BigInteger span = maxHealth.subtract(minHealth);
    BigInteger target = minHealth.add(span.multiply(BigInteger.valueOf(random.nextInt(1_000_001))).divide(BigInteger.valueOf(1_000_000)));
    int[] weights = weights(random, config.collaterals().size());
    List<BigInteger> deposits = deposits(config, trades, entries, eval, target, weights);
    // The trade must pass the initial margin check at the entry prices.
    for (int i = 0; i < 40 && !meetsInitial(deposits, trades, entries, entry); i++) {
      deposits = deposits.stream().map(d -> d.multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN).add(BigInteger.ONE)).toList();
    }
    return new SeedAccount(address(index), deposits, trades);
  }

  /**
   * Collateral deposits (token units, by collateral id) that bring an account with these positions to health
   * {@code target} (wad) at {@code prices}, just above it (amounts round up), split over the collaterals by
   * {@code weights} (bps, see {@link #weights}); at least a tenth of the maintenance requirement in all.
   */
  public static List<BigInteger> deposits(
      VaultConfig config, List<BigInteger> sizes, List<BigInteger> entries, VaultPrices prices, BigInteger target,
      int[] weights) {
    int nc = config.collaterals().size();
    List<BigInteger> zero = Collections.nCopies(nc, BigInteger.ZERO);
    AccountValue bare = VaultMath.value(config, new VaultAccount(zero, BigInteger.ZERO, sizes, entries), prices);
    BigInteger needed = target.multiply(bare.maintenance()).divide(Units.WAD).subtract(bare.equity());
    BigInteger floor = bare.maintenance().divide(BigInteger.TEN);
    if (needed.compareTo(floor) < 0) needed = floor;
    List<BigInteger> out = new ArrayList<>(zero);
    for (VaultCollateral c : config.collaterals()) {
      if (weights[c.id()] == 0) continue;
      BigInteger usd = needed.multiply(BigInteger.valueOf(weights[c.id()])).divide(Units.BPS);
      // one token unit is worth price x 1e10 x (1 - haircut) / unit USD wad: round the amount up
      BigInteger per = prices.collateral().get(c.id()).multiply(BigInteger.TEN.pow(10)).multiply(Units.BPS.subtract(BigInteger.valueOf(c.haircutBps())));
      out.set(c.id(), usd.multiply(c.unit()).multiply(Units.BPS).add(per).subtract(BigInteger.ONE).divide(per).add(BigInteger.ONE));
    }
    return out;
  }

  private boolean meetsInitial(List<BigInteger> deposits, List<BigInteger> trades, List<BigInteger> entries, VaultPrices entry) {
    AccountValue v = VaultMath.value(config, new VaultAccount(deposits, BigInteger.ZERO, trades, entries), entry);
    return v.equity().compareTo(v.initial()) >= 0;
  }

  /**
   * Random collateral weights in basis points, summing to 10,000, over one to all of {@code n} collaterals (the
   * others 0).
   */
  public static int[] weights(Random random, int n) {
    int[] w = new int[n];
    int k = 1 + random.nextInt(n);
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) ids.add(i);
    Collections.shuffle(ids, random);
    int left = 10_000;
    for (int i = 0; i < k; i++) {
      int share = i == k - 1 ? left : 1 + random.nextInt(left - (k - 1 - i));
      w[ids.get(i)] = share;
      left -= share;
    }
    return w;
  }


  private Address address(int index) {
    return Address.of(String.format("0xacc0%012x%024x", seed & 0xffffffffffffL, index));
  }
}
