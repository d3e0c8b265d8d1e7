package io.collateralkeeper.bench;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.EModeCategory;
import io.collateralkeeper.risk.aave.ReserveConfig;
import io.collateralkeeper.risk.aave.UserConfig;
import io.collateralkeeper.risk.aave.UserReserve;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A mainnet-like Aave V3 market and seeded positions for the benchmarks: six reserves (WETH 18 decimals, WBTC 8,
 * USDC 6, DAI 18, USDT 6, LINK 18) with Aave V3 Ethereum risk parameters, indexes 1.01-1.15 ray last updated ten
 * minutes before the block (so every index accrues at evaluation, as between blocks on chain), and an e-mode
 * "stablecoins" category (USDC, DAI, USDT) priced by its members' own feeds. Users hold two collaterals and one or
 * two variable debts (health factors 1.0-3.0); one in five is in e-mode with stablecoin collateral and debt.
 */
final class AaveBenchData {
  static final long TIMESTAMP = 1_700_000_000L;
  static final int WETH = 0;
  static final int WBTC = 1;
  static final int USDC = 2;
  static final int DAI = 3;
  static final int USDT = 4;
  static final int LINK = 5;
  private static final int[] DECIMALS = {18, 8, 6, 18, 6, 18};
  private static final long[] USD = {3_000, 60_000, 1, 1, 1, 15};
  private static final int[][] RISK = { // ltv, threshold, bonus, e-mode
    {8000, 8250, 10500, 0}, {7300, 7800, 10500, 0}, {7700, 8000, 10450, 1},
    {7500, 8000, 10500, 1}, {0, 0, 0, 1}, {5300, 6800, 10700, 0}};

  private AaveBenchData() {}

  static Address asset(int id) {
    return Address.of(String.format("0x%040x", 0x100 + id));
  }

  /** The market at {@link #TIMESTAMP}. */
  static AaveMarket market() {
    SplittableRandom r = new SplittableRandom(7);
    Map<Integer, AaveReserve> reserves = new HashMap<>();
    Map<Address, BigInteger> prices = new HashMap<>();
    for (int id = 0; id < DECIMALS.length; id++) {
      BigInteger bitmap =
          BigInteger.valueOf(RISK[id][0])
              .or(BigInteger.valueOf(RISK[id][1]).shiftLeft(16))
              .or(BigInteger.valueOf(RISK[id][2]).shiftLeft(32))
              .or(BigInteger.valueOf(DECIMALS[id]).shiftLeft(48))
              .setBit(56)
              .setBit(58)
              .or(BigInteger.valueOf(1000).shiftLeft(152))
              .or(BigInteger.valueOf(RISK[id][3]).shiftLeft(168));
      BigInteger liquidityIndex = ray(r.nextLong(1_010_000_000L, 1_150_000_000L));
      BigInteger borrowIndex = ray(r.nextLong(1_020_000_000L, 1_200_000_000L));
      BigInteger supplyRate = ray(r.nextLong(5_000_000L, 40_000_000L));
      BigInteger borrowRate = ray(r.nextLong(20_000_000L, 80_000_000L));
      reserves.put(
          id,
          new AaveReserve(
              asset(id), id, ReserveConfig.decode(bitmap), liquidityIndex, supplyRate, borrowIndex, borrowRate,
              BigInteger.ZERO, TIMESTAMP - 600, asset(0x200 + id), asset(0x300 + id), asset(0x400 + id)));
      prices.put(asset(id), BigInteger.valueOf(USD[id] * 100_000_000L + r.nextLong(0, 1_000_000L)));
    }
    EModeCategory stables = new EModeCategory(1, 9700, 9750, 10100, Address.ZERO, "Stablecoins");
    return new AaveMarket(reserves, prices, Map.of(1, stables), TIMESTAMP);
  }

  /** {@code count} positions from a fixed seed. */
  static AavePosition[] positions(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    AavePosition[] out = new AavePosition[count];
    for (int i = 0; i < count; i++) {
      boolean eMode = r.nextInt(5) == 0;
      int[] collaterals = eMode ? new int[] {USDC, DAI} : pickTwo(r, new int[] {WETH, WBTC, USDC, DAI, LINK});
      int[] debts =
          eMode
              ? (r.nextBoolean() ? new int[] {USDT} : new int[] {USDT, r.nextBoolean() ? USDC : DAI})
              : (r.nextBoolean() ? new int[] {USDC} : new int[] {USDT, WETH});
      long collateralUsd = r.nextLong(1_000, 5_000_000);
      Map<Integer, UserReserve> balances = new HashMap<>();
      UserConfig config = UserConfig.EMPTY;
      for (int id : collaterals) {
        balances.put(id, supply(tokens(id, collateralUsd / 2, r)));
        config = config.withCollateral(id, true);
      }
      // debt at 30%-75% of the collateral value: health factors from about 1.0 to 3.0
      long debtUsd = collateralUsd * r.nextLong(30, 76) / 100;
      for (int id : debts) {
        UserReserve prev = balances.getOrDefault(id, UserReserve.EMPTY);
        balances.put(
            id,
            new UserReserve(
                prev.scaledATokenBalance(), tokens(id, debtUsd / debts.length, r), BigInteger.ZERO,
                BigInteger.ZERO, 0));
        config = config.withBorrowing(id, true);
      }
      out[i] = new AavePosition(user(i), config, eMode ? 1 : 0, balances);
    }
    return out;
  }

  static Address user(int i) {
    return Address.of(String.format("0x%040x", 0x1_0000_0000L + i));
  }

  private static int[] pickTwo(SplittableRandom r, int[] from) {
    int a = from[r.nextInt(from.length)];
    int b;
    do {
      b = from[r.nextInt(from.length)];
    } while (b == a);
    return new int[] {a, b};
  }

  /** About {@code usd} dollars of a reserve's token, as a scaled balance (raw units with a random tail). */
  private static BigInteger tokens(int id, long usd, SplittableRandom r) {
    BigInteger raw = BigInteger.valueOf(usd).multiply(BigInteger.TEN.pow(DECIMALS[id])).divide(BigInteger.valueOf(USD[id]));
    return raw.add(BigInteger.valueOf(r.nextLong(0, 1_000_000_000L)));
  }

  private static UserReserve supply(BigInteger scaled) {
    return new UserReserve(scaled, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 0);
  }

  /** {@code billionths} / 1e9, as a ray. */
  private static BigInteger ray(long billionths) {
    return BigInteger.valueOf(billionths).multiply(BigInteger.TEN.pow(18));
  }
}
