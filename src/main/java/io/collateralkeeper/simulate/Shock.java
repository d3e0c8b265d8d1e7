package io.collateralkeeper.simulate;

import io.collateralkeeper.KeeperException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A price shock for a dry run: every feed that prices {@code asset} answers {@code percent}% more (negative: less).
 *
 * @param asset the asset name as the protocol knows it, upper case (a token symbol such as WETH, a feed's base such
 *     as ETH, or a vault market such as ETH-PERP)
 * @param percent the change in percent, above -100 and at most +1000 (e.g. -30, 12.5)
 */
public record Shock(String asset, BigDecimal percent) {
  private static final Pattern SPEC = Pattern.compile("([A-Za-z0-9._-]+)=([+-]?[0-9]+(?:\\.[0-9]+)?)%");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public Shock {
    asset = asset.toUpperCase(Locale.ROOT);
    if (percent.compareTo(HUNDRED.negate()) <= 0 || percent.compareTo(BigDecimal.valueOf(1000)) > 0) {
      throw new KeeperException("--shock " + asset + "=" + percent.toPlainString() + "%: the change must be above -100% and at most +1000%");
    }
  }

  /**
   * Parses {@code ASSET=-30%} (also {@code +5%}, {@code -12.5%}).
   *
   * @throws KeeperException when the text has another shape or the change is out of range
   */
  public static Shock parse(String text) {
    Matcher m = SPEC.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new KeeperException("--shock " + text + ": expected ASSET=CHANGE%, e.g. ETH=-30% or WBTC=+5%");
    }
    return new Shock(m.group(1), new BigDecimal(m.group(2)));
  }

  /**
   * The shocked answer: {@code answer x (100 + percent) / 100}, rounded toward zero, in the feed's own decimals.
   *
   * @throws KeeperException when the result is not positive (the feed would read as invalid)
   */
  public BigInteger apply(BigInteger answer) {
    BigInteger out =
        new BigDecimal(answer).multiply(HUNDRED.add(percent)).divide(HUNDRED).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    if (out.signum() <= 0) {
      throw new KeeperException("--shock " + this + " turns the answer " + answer + " into " + out + ": not a valid price");
    }
    return out;
  }

  @Override
  public String toString() {
    return asset + "=" + (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%";
  }
}
