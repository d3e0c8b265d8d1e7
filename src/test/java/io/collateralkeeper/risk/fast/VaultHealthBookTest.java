package io.collateralkeeper.risk.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.AccountValue;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link VaultHealthBook} against {@link VaultMath} (the BigInteger mirror of {@code CrossMarginVault}) on random
 * vaults, prices and accounts: every equity, maintenance, health factor and liquidatable flag must be equal.
 */
class VaultHealthBookTest {

  @Test
  void aLargeRepriceEvaluatedOnEveryCoreEqualsVaultMath() {
    RandomVaults gen = new RandomVaults(7);
    VaultConfig config = gen.config();
    VaultHealthBook book = new VaultHealthBook(config);
    VaultPrices first = gen.prices(config);
    int n = 3 * VaultHealthBook.PARALLEL_FROM;
    Map<Address, VaultAccount> accounts = fill(gen, config, first, book, n);
    for (int round = 0; round < 3; round++) {
      VaultPrices prices = round == 0 ? first : gen.prices(config);
      book.setPrices(prices);
      assertThat(book.evaluate()).isGreaterThanOrEqualTo(round == 0 ? n : 0);
      for (Map.Entry<Address, VaultAccount> e : accounts.entrySet()) {
        assertSameAsVaultMath(book, config, e.getKey(), e.getValue(), prices);
      }
      assertThat(book.liquidatable()).containsExactlyElementsOf(expectedLiquidatable(config, accounts, prices));
    }
  }

  @Test
  void shouldEqualVaultMathOnRandomAccountsAndPrices() {
    int[] paths = new int[3];
    for (int seed = 0; seed < 60; seed++) {
      RandomVaults gen = new RandomVaults(seed);
      VaultConfig config = gen.config();
      VaultHealthBook book = new VaultHealthBook(config);
      VaultPrices first = gen.prices(config);
      Map<Address, VaultAccount> accounts = fill(gen, config, first, book, 2_000);
      for (int round = 0; round < 3; round++) {
        VaultPrices prices = round == 0 ? first : gen.prices(config);
        book.setPrices(prices);
        book.evaluate();
        for (Map.Entry<Address, VaultAccount> e : accounts.entrySet()) {
          assertSameAsVaultMath(book, config, e.getKey(), e.getValue(), prices);
          paths[book.path(e.getKey())]++;
        }
        assertThat(book.liquidatable()).containsExactlyElementsOf(expectedLiquidatable(config, accounts, prices));
      }
    }
    // the random cases reach every path: 128-bit, BigInteger fallback, invalid price
    int total = paths[0] + paths[1] + paths[2];
    assertThat(total).isEqualTo(60 * 2_000 * 3);
    assertThat(paths[AccountValues.FAST]).isGreaterThan(total / 3);
    assertThat(paths[AccountValues.SLOW]).isGreaterThan(total / 100);
    assertThat(paths[AccountValues.INVALID]).isGreaterThan(total / 100);
  }

  @Test
  void shouldKeepIncrementalResultsEqualToAFullEvaluationThroughPutsRemovesAndPriceChanges() {
    for (int seed = 100; seed < 110; seed++) {
      RandomVaults gen = new RandomVaults(seed);
      SplittableRandom r = gen.random();
      VaultConfig config = gen.config();
      VaultPrices prices = gen.prices(config);
      VaultHealthBook book = new VaultHealthBook(config);
      Map<Address, VaultAccount> accounts = new LinkedHashMap<>();
      int next = 0;
      for (; next < 1_000; next++) {
        accounts.put(gen.address(next), gen.account(config, prices));
        book.put(gen.address(next), accounts.get(gen.address(next)));
      }
      book.setPrices(prices);
      assertThat(book.evaluate()).isEqualTo(1_000);
      for (int step = 0; step < 40; step++) {
        Set<Address> expectedDirty = new HashSet<>();
        // change some prices (sometimes none, sometimes to the same value)
        List<BigInteger> c = new ArrayList<>(prices.collateral());
        List<BigInteger> m = new ArrayList<>(prices.market());
        for (int i = 0; i < c.size(); i++) if (r.nextInt(3) == 0) c.set(i, gen.price(10_000 - config.collaterals().get(i).haircutBps()));
        for (int i = 0; i < m.size(); i++) if (r.nextInt(3) == 0) m.set(i, gen.price(config.markets().get(i).maintenanceMarginBps()));
        VaultPrices newPrices = new VaultPrices(c, m);
        for (Map.Entry<Address, VaultAccount> e : accounts.entrySet()) {
          if (exposedToAChange(e.getValue(), prices, newPrices)) expectedDirty.add(e.getKey());
        }
        book.setPrices(newPrices);
        prices = newPrices;
        // replace, add and remove some accounts
        List<Address> keys = new ArrayList<>(accounts.keySet());
        for (int i = 0; i < 30; i++) {
          Address a = keys.get(r.nextInt(keys.size()));
          switch (r.nextInt(3)) {
            case 0 -> {
              accounts.put(a, gen.account(config, prices));
              book.put(a, accounts.get(a));
              expectedDirty.add(a);
            }
            case 1 -> {
              accounts.remove(a);
              book.remove(a);
              expectedDirty.remove(a);
            }
            default -> {
              Address fresh = gen.address(next++);
              accounts.put(fresh, gen.account(config, prices));
              book.put(fresh, accounts.get(fresh));
              expectedDirty.add(fresh);
            }
          }
        }
        assertThat(book.evaluate()).isEqualTo(expectedDirty.size());
        assertThat(book.size()).isEqualTo(accounts.size());
        List<Address> incremental = book.liquidatable();
        assertThat(incremental).containsExactlyElementsOf(expectedLiquidatable(config, accounts, prices));
        for (Map.Entry<Address, VaultAccount> e : accounts.entrySet()) {
          assertSameAsVaultMath(book, config, e.getKey(), e.getValue(), prices);
        }
        assertExposure(book, config, accounts);
        assertThat(book.evaluateAll()).isEqualTo(accounts.size());
        assertThat(book.liquidatable()).isEqualTo(incremental);
      }
    }
  }

  @Test
  void shouldBeLiquidatableExactlyOneWeiBelowTheMaintenanceRequirement() {
    // USDC (6 decimals, no haircut) at $1 and an ETH perp at $2,000 with 5% maintenance
    VaultConfig config = new VaultConfig(
        List.of(new VaultCollateral(0, 6, 0)), List.of(new VaultMarket(0, 1_000, 500, 100)), 3600);
    VaultHealthBook book = new VaultHealthBook(config);
    BigInteger ethPrice = BigInteger.valueOf(2_000_00000000L);
    Address atRequirement = Address.of("0x00000000000000000000000000000000000000a1");
    Address oneWeiShort = Address.of("0x00000000000000000000000000000000000000a2");
    // 100 USDC = $100 equity; long 1 ETH at its entry: PnL 0, maintenance 1 x 2,000 x 5% = $100
    book.put(atRequirement, account("100000000", "0", "1000000000000000000", ethPrice));
    book.put(oneWeiShort, account("100000000", "-1", "1000000000000000000", ethPrice));
    book.setPrices(new VaultPrices(List.of(BigInteger.valueOf(1_00000000L)), List.of(ethPrice)));

    assertThat(book.healthFactor(atRequirement)).isEqualTo(Units.WAD);
    assertThat(book.liquidatable(atRequirement)).isFalse();
    // (100e18 - 1) x 1e18 / 100e18 = 1e18 - 0.01 -> 999999999999999999
    assertThat(book.healthFactor(oneWeiShort)).isEqualTo(new BigInteger("999999999999999999"));
    assertThat(book.liquidatable(oneWeiShort)).isTrue();
    assertThat(book.liquidatable()).containsExactly(oneWeiShort);
    assertThat(book.path(oneWeiShort)).isEqualTo(AccountValues.FAST);
  }

  @Test
  void shouldTreatAnInvalidPriceOfAUsedAssetAsUnliquidatableWithMaximalHealth() {
    VaultConfig config = new VaultConfig(
        List.of(new VaultCollateral(0, 6, 0)), List.of(new VaultMarket(0, 1_000, 500, 100)), 3600);
    VaultHealthBook book = new VaultHealthBook(config);
    BigInteger ethPrice = BigInteger.valueOf(2_000_00000000L);
    Address a = Address.of("0x00000000000000000000000000000000000000a1");
    book.put(a, account("1", "-1000000000000000000000", "1000000000000000000", ethPrice)); // deeply underwater
    book.setPrices(new VaultPrices(List.of(BigInteger.ONE), List.of(ethPrice)));
    assertThat(book.liquidatable(a)).isTrue();

    book.setPrices(new VaultPrices(List.of(BigInteger.ONE), List.of(BigInteger.ZERO)));
    assertThat(book.liquidatable(a)).isFalse();
    assertThat(book.healthFactor(a)).isEqualTo(Units.MAX_UINT256);
    assertThat(book.equity(a)).isEmpty();
    assertThat(book.liquidatable()).isEmpty();
  }

  @Test
  void shouldIndexAccountsByTheAssetsTheyAreExposedTo() {
    VaultConfig config = new VaultConfig(
        List.of(new VaultCollateral(0, 6, 0), new VaultCollateral(1, 18, 1_000)),
        List.of(new VaultMarket(0, 1_000, 500, 100)), 3600);
    VaultHealthBook book = new VaultHealthBook(config);
    BigInteger p = BigInteger.valueOf(2_000_00000000L);
    Address a = Address.of("0x00000000000000000000000000000000000000a1");
    Address b = Address.of("0x00000000000000000000000000000000000000a2");
    book.put(a, new VaultAccount(List.of(BigInteger.ONE, BigInteger.ZERO), BigInteger.ZERO, List.of(BigInteger.TEN), List.of(p)));
    book.put(b, new VaultAccount(List.of(BigInteger.ONE, BigInteger.ONE), BigInteger.ZERO, List.of(BigInteger.ZERO), List.of(BigInteger.ZERO)));
    assertThat(List.of(book.exposedToCollateral(0), book.exposedToCollateral(1), book.exposedToMarket(0))).containsExactly(2, 1, 1);

    book.put(a, new VaultAccount(List.of(BigInteger.ZERO, BigInteger.ONE), BigInteger.ZERO, List.of(BigInteger.ZERO), List.of(p)));
    assertThat(List.of(book.exposedToCollateral(0), book.exposedToCollateral(1), book.exposedToMarket(0))).containsExactly(1, 2, 0);

    book.remove(b);
    assertThat(List.of(book.exposedToCollateral(0), book.exposedToCollateral(1), book.exposedToMarket(0))).containsExactly(0, 1, 0);
    assertThat(book.size()).isEqualTo(1);
    assertThat(book.contains(b)).isFalse();

    // only the accounts exposed to a changed price are re-evaluated
    book.setPrices(new VaultPrices(List.of(BigInteger.ONE, p), List.of(p)));
    assertThat(book.evaluate()).isEqualTo(1);
    book.setPrices(new VaultPrices(List.of(BigInteger.TWO, p), List.of(p.add(BigInteger.ONE))));
    assertThat(book.evaluate()).isZero();
    book.setPrices(new VaultPrices(List.of(BigInteger.TWO, p.add(BigInteger.ONE)), List.of(p)));
    assertThat(book.evaluate()).isEqualTo(1);
  }

  @Test
  void shouldRejectMismatchedShapesUnknownAccountsAndQueriesBeforePrices() {
    VaultConfig config = new VaultConfig(
        List.of(new VaultCollateral(0, 6, 0)), List.of(new VaultMarket(0, 1_000, 500, 100)), 3600);
    VaultHealthBook book = new VaultHealthBook(config);
    Address a = Address.of("0x00000000000000000000000000000000000000a1");
    book.put(a, account("1", "0", "0", BigInteger.ZERO));
    assertThatThrownBy(book::evaluate).isInstanceOf(IllegalStateException.class).hasMessageContaining("setPrices");
    assertThatThrownBy(() -> book.setPrices(new VaultPrices(List.of(), List.of(BigInteger.ONE))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> book.put(a, new VaultAccount(List.of(), BigInteger.ZERO, List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 collaterals and 1 markets");
    book.setPrices(new VaultPrices(List.of(BigInteger.ONE), List.of(BigInteger.ONE)));
    Address unknown = Address.of("0x00000000000000000000000000000000000000b1");
    assertThatThrownBy(() -> book.healthFactor(unknown)).isInstanceOf(IllegalArgumentException.class);
    assertThat(book.liquidatable(unknown)).isFalse();
    assertThat(book.healthFactor(a)).isEqualTo(Units.MAX_UINT256); // no position: no requirement
  }

  private static void assertSameAsVaultMath(
      VaultHealthBook book, VaultConfig config, Address address, VaultAccount account, VaultPrices prices) {
    AccountValue expected;
    try {
      expected = VaultMath.value(config, account, prices);
    } catch (IllegalArgumentException invalidPrice) {
      assertThat(book.healthFactor(address)).as("health of %s", address).isEqualTo(Units.MAX_UINT256);
      assertThat(book.liquidatable(address)).isFalse();
      assertThat(book.equity(address)).isEmpty();
      assertThat(book.maintenance(address)).isEmpty();
      return;
    }
    assertThat(book.equity(address)).as("equity of %s = %s", address, account).contains(expected.equity());
    assertThat(book.maintenance(address)).as("maintenance of %s = %s", address, account).contains(expected.maintenance());
    assertThat(book.healthFactor(address)).isEqualTo(expected.healthFactor());
    assertThat(book.liquidatable(address)).isEqualTo(expected.liquidatable());
  }

  private static List<Address> expectedLiquidatable(VaultConfig config, Map<Address, VaultAccount> accounts, VaultPrices prices) {
    TreeSet<Address> out = new TreeSet<>();
    for (Map.Entry<Address, VaultAccount> e : accounts.entrySet()) {
      try {
        if (VaultMath.value(config, e.getValue(), prices).liquidatable()) out.add(e.getKey());
      } catch (IllegalArgumentException invalidPrice) {
        // the vault reverts: not liquidatable
      }
    }
    return List.copyOf(out);
  }

  private static boolean exposedToAChange(VaultAccount a, VaultPrices before, VaultPrices after) {
    for (int i = 0; i < a.balances().size(); i++) {
      if (a.balances().get(i).signum() != 0 && !before.collateral().get(i).equals(after.collateral().get(i))) return true;
    }
    for (int i = 0; i < a.sizes().size(); i++) {
      if (a.sizes().get(i).signum() != 0 && !before.market().get(i).equals(after.market().get(i))) return true;
    }
    return false;
  }

  private static void assertExposure(VaultHealthBook book, VaultConfig config, Map<Address, VaultAccount> accounts) {
    for (int c = 0; c < config.collaterals().size(); c++) {
      int id = c;
      assertThat(book.exposedToCollateral(c))
          .isEqualTo((int) accounts.values().stream().filter(a -> a.balances().get(id).signum() != 0).count());
    }
    for (int m = 0; m < config.markets().size(); m++) {
      int id = m;
      assertThat(book.exposedToMarket(m))
          .isEqualTo((int) accounts.values().stream().filter(a -> a.sizes().get(id).signum() != 0).count());
    }
  }

  private static VaultAccount account(String usdc, String cash, String ethSize, BigInteger entry) {
    return new VaultAccount(
        List.of(new BigInteger(usdc)), new BigInteger(cash), List.of(new BigInteger(ethSize)), List.of(entry));
  }

  /** {@code n} random accounts, put in the book; returned by address in insertion order. */
  private static Map<Address, VaultAccount> fill(
      RandomVaults gen, VaultConfig config, VaultPrices prices, VaultHealthBook book, int n) {
    Map<Address, VaultAccount> accounts = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      VaultAccount a = gen.account(config, prices);
      accounts.put(gen.address(i), a);
      book.put(gen.address(i), a);
    }
    return accounts;
  }
}
