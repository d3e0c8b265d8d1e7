package io.collateralkeeper.simulate;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Set;

/**
 * A shock installed on the fork: the feed now answers {@code after} instead of {@code before}.
 *
 * @param shock the shock asked for
 * @param feed the feed whose code was replaced by {@code ForkPriceFeed}
 * @param names every asset name that reaches this feed
 * @param decimals the feed's decimals
 * @param before the upstream answer at the fork block, in the feed's decimals
 * @param after the shocked answer, in the feed's decimals
 */
public record AppliedShock(Shock shock, Address feed, Set<String> names, int decimals, BigInteger before, BigInteger after) {}
