package io.collateralkeeper.protocol;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.aave.IERC20Detailed;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** ERC-20 approvals a wallet still needs: {@code allowance(owner, spender)} read in one Multicall, then {@code approve(spender, max)}. */
public final class Erc20Approvals {
  private Erc20Approvals() {}

  /**
   * @param tokens tokens to check
   * @return {@code approve(spender, 2^256 - 1)} for each token whose allowance is below 2^255 (or unreadable)
   * @throws io.collateralkeeper.chain.RpcException when the endpoint fails
   */
  public static List<TxCall> missing(Multicall multicall, Address owner, Address spender, Collection<Address> tokens, long block) {
    List<Address> list = List.copyOf(tokens);
    List<CallRequest> calls = new ArrayList<>();
    for (Address t : list) calls.add(new CallRequest(t, erc20(t).allowance(owner.hex(), spender.hex()).encodeFunctionCall()));
    List<CallResult> r = multicall.aggregate(calls, block);
    List<TxCall> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      BigInteger allowance = r.get(i).success() ? decodeUint(list.get(i), r.get(i).returnData()) : BigInteger.ZERO;
      if (allowance.compareTo(Units.MAX_UINT256.shiftRight(1)) < 0) {
        out.add(TxCall.of(list.get(i), erc20(list.get(i)).approve(spender.hex(), Units.MAX_UINT256).encodeFunctionCall()));
      }
    }
    return out;
  }

  private static BigInteger decodeUint(Address token, String hex) {
    try {
      return (BigInteger) erc20(token).allowance(Address.ZERO.hex(), Address.ZERO.hex()).decodeFunctionResponse(hex).get(0).getValue();
    } catch (RuntimeException malformed) {
      return BigInteger.ZERO;
    }
  }

  private static IERC20Detailed erc20(Address token) {
    return Wrappers.at(token, IERC20Detailed::load);
  }
}
