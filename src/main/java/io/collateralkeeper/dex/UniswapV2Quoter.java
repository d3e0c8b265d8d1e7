package io.collateralkeeper.dex;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Quotes sales on a Uniswap V2 router ({@code getAmountsOut}) at a block, many at once through Multicall3: for each
 * request both the direct pair and the path through the connector token are asked, and the better one wins. A path
 * whose pair does not exist reverts inside the router and is simply not a candidate.
 */
public final class UniswapV2Quoter {
  private final Multicall multicall;
  private final Address router;
  private final Address connector;

  /**
   * @param router a UniswapV2Router02 (or a fork with the same interface)
   * @param connector token to route through when it beats the direct pair (e.g. WETH), or null
   */
  public UniswapV2Quoter(Multicall multicall, Address router, Address connector) {
    this.multicall = multicall;
    this.router = router;
    this.connector = connector;
  }

  /** A sale to quote: {@code amountIn} of {@code tokenIn} for {@code tokenOut}, raw units. */
  public record Request(Address tokenIn, Address tokenOut, BigInteger amountIn) {}

  /**
   * Best quote per request, in request order; empty where no path exists or the amount is zero.
   *
   * @throws io.collateralkeeper.chain.RpcException when the endpoint fails
   */
  public List<Optional<SwapQuote>> quote(List<Request> requests, long block) {
    List<List<Address>> paths = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    List<CallRequest> calls = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      Request r = requests.get(i);
      if (r.amountIn().signum() <= 0 || r.tokenIn().equals(r.tokenOut())) continue;
      for (List<Address> path : candidatePaths(r.tokenIn(), r.tokenOut())) {
        paths.add(path);
        owner.add(i);
        calls.add(new CallRequest(router, encodeAmountsOut(r.amountIn(), path)));
      }
    }
    List<CallResult> results = calls.isEmpty() ? List.of() : multicall.aggregate(calls, block);
    List<Optional<SwapQuote>> best = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      Request r = requests.get(i);
      best.add(r.tokenIn().equals(r.tokenOut()) && r.amountIn().signum() > 0
          ? Optional.of(new SwapQuote(List.of(r.tokenIn()), r.amountIn(), r.amountIn()))
          : Optional.empty());
    }
    for (int k = 0; k < results.size(); k++) {
      CallResult res = results.get(k);
      if (!res.success()) continue;
      BigInteger out = decodeLastAmount(res.returnData());
      if (out == null || out.signum() <= 0) continue;
      int i = owner.get(k);
      Optional<SwapQuote> current = best.get(i);
      if (current.isEmpty() || out.compareTo(current.get().amountOut()) > 0) {
        best.set(i, Optional.of(new SwapQuote(paths.get(k), requests.get(i).amountIn(), out)));
      }
    }
    return best;
  }

  private List<List<Address>> candidatePaths(Address in, Address out) {
    List<List<Address>> paths = new ArrayList<>();
    paths.add(List.of(in, out));
    if (connector != null && !connector.equals(in) && !connector.equals(out)) paths.add(List.of(in, connector, out));
    return paths;
  }

  /** Calldata of {@code getAmountsOut(uint256 amountIn, address[] path)}. */
  static String encodeAmountsOut(BigInteger amountIn, List<Address> path) {
    List<org.web3j.abi.datatypes.Address> p = path.stream().map(a -> new org.web3j.abi.datatypes.Address(a.hex())).toList();
    return FunctionEncoder.encode(
        new Function(
            "getAmountsOut",
            List.of(new Uint256(amountIn), new DynamicArray<>(org.web3j.abi.datatypes.Address.class, p)),
            List.of()));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static BigInteger decodeLastAmount(String returnData) {
    List<TypeReference<Type>> out = List.of((TypeReference) new TypeReference<DynamicArray<Uint256>>() {});
    List<Type> decoded = FunctionReturnDecoder.decode(returnData, out);
    if (decoded.isEmpty()) return null;
    List<Uint256> amounts = ((DynamicArray<Uint256>) decoded.get(0)).getValue();
    return amounts.isEmpty() ? null : amounts.get(amounts.size() - 1).getValue();
  }
}
