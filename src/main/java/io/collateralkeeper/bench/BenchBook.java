package io.collateralkeeper.bench;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's book of vault accounts (pure, seeded): every account is healthy at the "before" prices, and exactly
 * {@link Spec#liquidatable()} of them are below a health factor of 1 at the "after" prices, checked with the vault's
 * own math ({@link VaultMath}, equal to the contract's to the wei).
 *
 * <p>Healthy accounts: long (65%) or short, one or two perp positions of $1k-$100k notional entered within 3% of the
 * before prices, collateral in one to three tokens, health factor at least 1.10 at both price sets (drawn between 1.15
 * and 3 at the after prices). Liquidatable ones ("victims"): long only in {@link Spec#victimMarket()}, $10k-$100k,
 * entered at the before price, collateral only in {@link Spec#victimCollateral()} (whose price does not move),
 * health drawn between 0.80 and 0.97 at the after prices, so the liquidation restores them at a profit.
 */
public record BenchBook(List<BenchAccount> accounts, Set<Address> liquidatable) {
  private static final BigInteger HEALTHY_FLOOR = wad(110);
  private static final BigInteger HEALTHY_MIN = wad(115);
  private static final BigInteger HEALTHY_MAX = wad(300);
  private static final BigInteger VICTIM_MIN = wad(80);
  private static final BigInteger VICTIM_MAX = wad(97);
  private static final BigInteger VICTIM_FLOOR_BEFORE = wad(102);

  public BenchBook {
    accounts = List.copyOf(accounts);
    liquidatable = Collections.unmodifiableSet(new LinkedHashSet<>(liquidatable));
  }

  /**
   * What to generate.
   *
   * @param count number of accounts (at least {@code liquidatable})
   * @param liquidatable how many fall below health 1 at the after prices
   * @param seed random seed: the same spec and prices give the same book
   * @param victimMarket market id whose price falls between the two price sets
   * @param victimCollateral collateral id whose price is the same in both price sets
   */
  public record Spec(int count, int liquidatable, long seed, int victimMarket, int victimCollateral) {
    public Spec {
      if (count < 1) throw new IllegalArgumentException("count must be positive");
      if (liquidatable < 0 || liquidatable > count) throw new IllegalArgumentException("liquidatable must be 0..count");
    }
  }

  /**
   * Generates the book.
   *
   * @param before prices (USD 8 decimals) at which every account is healthy
   * @param after prices at which exactly the victims are liquidatable
   * @throws IllegalArgumentException when the move between the price sets is too small to make a victim liquidatable
   *     while healthy before, or the collateral of the victims moves
   */
  public static BenchBook generate(VaultConfig config, VaultPrices before, VaultPrices after, Spec spec) {
    if (!before.collateral().get(spec.victimCollateral()).equals(after.collateral().get(spec.victimCollateral()))) {
      throw new IllegalArgumentException("the victims' collateral " + spec.victimCollateral() + " must keep its price");
    }
    Random random = new Random(spec.seed());
    boolean[] victim = victims(spec, random);
    Generator gen = new Generator(config, before, after, random);
    List<BenchAccount> accounts = new ArrayList<>(spec.count());
    Set<Address> liquidatable = new LinkedHashSet<>();
    for (int i = 0; i < spec.count(); i++) {
      Address address = address(spec.seed(), i);
      VaultAccount state = victim[i] ? gen.victim(spec) : gen.healthy();
      accounts.add(new BenchAccount(address, state));
      if (victim[i]) liquidatable.add(address);
    }
    return new BenchBook(accounts, liquidatable);
  }

  /** Total balance of each collateral over the book, token units by collateral id. */
  public List<BigInteger> totals() {
    int nc = accounts.isEmpty() ? 0 : accounts.getFirst().state().balances().size();
    BigInteger[] sum = new BigInteger[nc];
    java.util.Arrays.fill(sum, BigInteger.ZERO);
    for (BenchAccount a : accounts) {
      for (int c = 0; c < nc; c++) sum[c] = sum[c].add(a.state().balances().get(c));
    }
    return List.of(sum);
  }

  /** Every account's address, in book order. */
  public List<Address> addresses() {
    return accounts.stream().map(BenchAccount::address).toList();
  }

  /** The address of account {@code index} of a book with this seed. */
  static Address address(long seed, int index) {
    return Address.of(String.format("0xbe0c%012x%024x", seed & 0xffffffffffffL, index));
  }

  /** Which indices are victims: {@code liquidatable} distinct ones drawn uniformly (partial Fisher-Yates). */
  private static boolean[] victims(Spec spec, Random random) {
    int[] idx = new int[spec.count()];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    boolean[] out = new boolean[spec.count()];
    for (int k = 0; k < spec.liquidatable(); k++) {
      int j = k + random.nextInt(idx.length - k);
      int t = idx[k];
      idx[k] = idx[j];
      idx[j] = t;
      out[idx[k]] = true;
    }
    return out;
  }

  private static BigInteger wad(int hundredths) {
    return Units.WAD.multiply(BigInteger.valueOf(hundredths)).divide(BigInteger.valueOf(100));
  }

  /** Draws account states; one per call, in the random stream's order. */
  private static final class Generator {
    private final VaultConfig config;
    private final VaultPrices before;
    private final VaultPrices after;
    private final Random random;
    private final int nc;
    private final int nm;

    Generator(VaultConfig config, VaultPrices before, VaultPrices after, Random random) {
      this.config = config;
      this.before = before;
      this.after = after;
      this.random = random;
      this.nc = config.collaterals().size();
      this.nm = config.markets().size();
    }

    VaultAccount healthy() {
      boolean isLong = random.nextInt(100) < 65;
      List<BigInteger> sizes = zeros(nm);
      List<BigInteger> entries = zeros(nm);
      int first = random.nextInt(nm);
      for (int m = 0; m < nm; m++) {
        if (m != first && random.nextInt(3) != 0) continue;
        BigInteger entry =
            before.market().get(m).multiply(BigInteger.valueOf(9_700 + random.nextInt(601))).divide(Units.BPS);
        BigInteger size = size(notionalUsd(1_000, 100_000), entry);
        sizes.set(m, isLong ? size : size.negate());
        entries.set(m, entry);
      }
      List<BigInteger> balances = deposits(sizes, entries, between(HEALTHY_MIN, HEALTHY_MAX),
          io.collateralkeeper.devnet.AccountGenerator.weights(random, nc));
      for (int i = 0; i < 100; i++) {
        VaultAccount a = new VaultAccount(balances, BigInteger.ZERO, sizes, entries);
        if (health(a, before).compareTo(HEALTHY_FLOOR) >= 0 && health(a, after).compareTo(HEALTHY_FLOOR) >= 0) return a;
        balances = balances.stream().map(b -> b.multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN).add(BigInteger.ONE)).toList();
      }
      throw new IllegalArgumentException("cannot make an account healthy at both price sets: is a price zero?");
    }

    VaultAccount victim(Spec spec) {
      List<BigInteger> sizes = zeros(nm);
      List<BigInteger> entries = zeros(nm);
      BigInteger entry = before.market().get(spec.victimMarket());
      sizes.set(spec.victimMarket(), size(notionalUsd(10_000, 100_000), entry));
      entries.set(spec.victimMarket(), entry);
      int[] weights = new int[nc];
      weights[spec.victimCollateral()] = 10_000;
      List<BigInteger> balances = deposits(sizes, entries, between(VICTIM_MIN, VICTIM_MAX), weights);
      VaultAccount a = new VaultAccount(balances, BigInteger.ZERO, sizes, entries);
      if (health(a, after).compareTo(Units.WAD) >= 0 || health(a, before).compareTo(VICTIM_FLOOR_BEFORE) < 0) {
        throw new IllegalArgumentException(
            "the price move is too small: a long account at health 0.80-0.97 after it is not healthy (>= 1.02) before it");
      }
      return a;
    }

    /** Deposits that bring the account's health at the after prices to {@code target}, split by {@code weights}. */
    private List<BigInteger> deposits(List<BigInteger> sizes, List<BigInteger> entries, BigInteger target, int[] weights) {
      return io.collateralkeeper.devnet.AccountGenerator.deposits(config, sizes, entries, after, target, weights);
    }


    /** A notional in whole USD: uniform in the lower or the upper decade of the range, each half the time. */
    private BigInteger notionalUsd(long min, long max) {
      long mid = min * 10 <= max ? min * 10 : (min + max) / 2;
      boolean low = random.nextBoolean();
      long from = low ? min : mid;
      long to = low ? mid : max;
      return BigInteger.valueOf(from + random.nextLong(to - from + 1));
    }

    /** Position size (wad) of a USD notional at a price (8 decimals). */
    private static BigInteger size(BigInteger notionalUsd, BigInteger price) {
      return notionalUsd.multiply(Units.WAD).multiply(Units.PRICE_UNIT).divide(price);
    }

    /** Uniform in {@code [lo, hi]} at a millionth of the span. */
    private BigInteger between(BigInteger lo, BigInteger hi) {
      return lo.add(hi.subtract(lo).multiply(BigInteger.valueOf(random.nextInt(1_000_001))).divide(BigInteger.valueOf(1_000_000)));
    }

    private BigInteger health(VaultAccount a, VaultPrices prices) {
      return VaultMath.healthFactor(config, a, prices);
    }

    private static List<BigInteger> zeros(int n) {
      return new ArrayList<>(Collections.nCopies(n, BigInteger.ZERO));
    }
  }
}
