package io.collateralkeeper.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigInteger;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrashPathTest {

  private static final String HEADER = "timestamp_utc,asset,price,low,high";
  private static final Instant HOUR_0 = Instant.parse("2024-08-05T00:00:00Z");
  private static final Instant HOUR_1 = Instant.parse("2024-08-05T01:00:00Z");
  private static final Instant HOUR_2 = Instant.parse("2024-08-05T02:00:00Z");

  @Test
  void shippedPathHasBothAssetsAtEveryPointAndConsecutiveSteps() {
    CrashPath path = CrashPath.load();

    assertThat(path.size()).isEqualTo(path.points().size()).isGreaterThan(240);
    assertThat(path.points()).allSatisfy(p -> {
      assertThat(p.eth()).isPositive();
      assertThat(p.btc()).isPositive();
    });
    assertThat(path.points()).extracting(PricePoint::step)
        .containsExactlyElementsOf(IntStream.range(0, path.size()).boxed().toList());
  }

  @Test
  void shippedPathBottomsAtTheSpotCheckedEthLow() {
    CrashPath path = CrashPath.load();

    assertThat(path.minPrice(Asset.ETH)).isEqualTo(new BigInteger("211100000000"));
    assertThat(path.points())
        .filteredOn(p -> p.eth().equals(path.minPrice(Asset.ETH)))
        .extracting(PricePoint::barTime)
        .containsExactly(Instant.parse("2024-08-05T01:00:00Z"));
    assertThat(path.maxPrice(Asset.ETH)).isEqualTo(new BigInteger("301802000000"));
  }

  @Test
  void shippedPathStartsAtTheFirstBarClose() {
    CrashPath path = CrashPath.load();
    PricePoint first = path.points().getFirst();

    assertThat(first.step()).isZero();
    assertThat(first.barTime()).isEqualTo(Instant.parse("2024-08-03T00:00:00Z"));
    assertThat(first.eth()).isEqualTo(new BigInteger("296240000000"));
    assertThat(first.btc()).isEqualTo(new BigInteger("6113201000000"));
    assertThat(path.startPrice(Asset.ETH)).isEqualTo(first.eth());
    assertThat(path.startPrice(Asset.BTC)).isEqualTo(first.btc());
  }

  @Test
  void walksDownBarsHighThenLowAndUpBarsLowThenHigh() {
    CrashPath path = CrashPath.fromReader(new StringReader(String.join("\n",
        HEADER,
        "2024-08-05T00:00:00Z,ETH,100,90,110",
        "2024-08-05T01:00:00Z,ETH,95,80,120",
        "2024-08-05T00:00:00Z,BTC,1000,900,1100",
        "2024-08-05T01:00:00Z,BTC,1050,950,1200")));

    assertThat(path.points()).containsExactly(
        point(0, HOUR_0, "100", "1000"),
        point(1, HOUR_0, "90", "900"),
        point(2, HOUR_0, "110", "1100"),
        point(3, HOUR_0, "100", "1000"),
        // ETH closes below its open of 100: high first. BTC closes above its open of 1000: low first.
        point(4, HOUR_1, "120", "950"),
        point(5, HOUR_1, "80", "1200"),
        point(6, HOUR_1, "95", "1050"));
  }

  @Test
  void dropsAPointOnlyWhenBothAssetsRepeat() {
    CrashPath path = CrashPath.fromReader(new StringReader(String.join("\n",
        HEADER,
        "2024-08-05T00:00:00Z,ETH,100,100,100",
        "2024-08-05T01:00:00Z,ETH,100,100,100",
        "2024-08-05T02:00:00Z,ETH,100,100,100",
        "2024-08-05T00:00:00Z,BTC,1000,1000,1000",
        "2024-08-05T01:00:00Z,BTC,1000,1000,1000",
        "2024-08-05T02:00:00Z,BTC,1000,900,1000")));

    assertThat(path.points()).containsExactly(
        point(0, HOUR_0, "100", "1000"),
        point(1, HOUR_2, "100", "900"),
        point(2, HOUR_2, "100", "1000"));
  }

  @Test
  void rejectsMisalignedTimestampsNamingTheLine() {
    assertThatThrownBy(() -> CrashPath.fromReader(new StringReader(String.join("\n",
        HEADER,
        "2024-08-05T00:00:00Z,ETH,100,90,110",
        "2024-08-05T01:00:00Z,ETH,100,90,110",
        "2024-08-05T00:00:00Z,BTC,1000,900,1100",
        "2024-08-05T02:00:00Z,BTC,1000,900,1100"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 5: ")
        .hasMessageContaining("does not align with ETH bar at 2024-08-05T01:00:00Z (line 3)");
  }

  @Test
  void rejectsAMissingCounterpartBarNamingTheLine() {
    assertThatThrownBy(() -> CrashPath.fromReader(new StringReader(String.join("\n",
        HEADER,
        "2024-08-05T00:00:00Z,ETH,100,90,110",
        "2024-08-05T01:00:00Z,ETH,100,90,110",
        "2024-08-05T00:00:00Z,BTC,1000,900,1100"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 3: ETH bar at 2024-08-05T01:00:00Z has no BTC bar");
  }

  @Test
  void rejectsTimestampsOutOfOrderNamingTheLine() {
    assertThatThrownBy(() -> CrashPath.fromReader(new StringReader(String.join("\n",
        HEADER,
        "2024-08-05T01:00:00Z,ETH,100,90,110",
        "2024-08-05T00:00:00Z,ETH,100,90,110"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 3: ETH bar at 2024-08-05T00:00:00Z is not after");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2111.123456789 | price '2111.123456789' has more than 8 decimals",
      "0              | price '0' must be positive",
      "-2111          | price '-2111' must be positive",
      "2.111e3        | price '2.111e3' is not a plain decimal number",
      "''             | price '' is not a plain decimal number"})
  void rejectsBadNumbersNamingTheLine(String price, String problem) {
    assertThatThrownBy(() -> CrashPath.fromReader(new StringReader(String.join("\n",
        HEADER,
        "2024-08-05T00:00:00Z,BTC,1000,900,1100",
        "2024-08-05T00:00:00Z,ETH," + price + ",90,110"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 3: " + problem);
  }

  @Test
  void rejectsAPriceOutsideItsBarNamingTheLine() {
    assertThatThrownBy(() -> CrashPath.fromReader(new StringReader(String.join("\n",
        HEADER,
        "2024-08-05T00:00:00Z,ETH,120,90,110"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 2: ETH bar needs low <= price <= high");
  }

  @Test
  void rejectsMalformedRowsNamingTheLine() {
    assertThatThrownBy(() -> CrashPath.fromReader(new StringReader(HEADER + "\n2024-08-05T00:00:00Z,ETH,100,90")))
        .hasMessage("line 2: expected 5 fields but found 4");
    assertThatThrownBy(() -> CrashPath.fromReader(new StringReader(HEADER + "\n2024-08-05T00:00:00Z,SOL,1,1,1")))
        .hasMessage("line 2: unknown asset 'SOL', expected ETH or BTC");
    assertThatThrownBy(() -> CrashPath.fromReader(new StringReader(HEADER + "\n2024-08-05 00:00,ETH,1,1,1")))
        .hasMessage("line 2: timestamp_utc '2024-08-05 00:00' is not an ISO-8601 UTC instant");
    assertThatThrownBy(() -> CrashPath.fromReader(new StringReader("timestamp_utc,asset,price,low")))
        .hasMessage("line 1: header has no column 'high'");
    assertThatThrownBy(() -> CrashPath.fromReader(new StringReader(HEADER)))
        .hasMessage("CSV has no ETH or BTC bars");
  }

  @Test
  void convertsUsdToChainlinkEightDecimalsExactly() {
    assertThat(Usd8.parse("2111.00", "price", 1)).isEqualTo(new BigInteger("211100000000"));
    assertThat(Usd8.parse("2111.0", "price", 1)).isEqualTo(new BigInteger("211100000000"));
    assertThat(Usd8.parse("0.00000001", "price", 1)).isEqualTo(BigInteger.ONE);
    assertThat(Usd8.parse("61132.01", "price", 1)).isEqualTo(new BigInteger("6113201000000"));
  }

  private static PricePoint point(int step, Instant barTime, String ethUsd, String btcUsd) {
    return new PricePoint(step, barTime, usd8(ethUsd), usd8(btcUsd));
  }

  private static BigInteger usd8(String usd) {
    return Usd8.parse(usd, "test", 0);
  }
}
