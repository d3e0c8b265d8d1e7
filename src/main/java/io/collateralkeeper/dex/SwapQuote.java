package io.collateralkeeper.dex;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.List;

/**
 * What a swap would return.
 *
 * @param path token path, first = token sold, last = token bought (a direct pair or through a connector)
 * @param amountIn amount sold, units of the first token
 * @param amountOut amount bought, units of the last token
 */
public record SwapQuote(List<Address> path, BigInteger amountIn, BigInteger amountOut) {
  public SwapQuote {
    path = List.copyOf(path);
  }
}
