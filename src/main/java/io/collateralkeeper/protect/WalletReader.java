package io.collateralkeeper.protect;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.aave.IERC20Detailed;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the wallet's native balance and its ERC-20 balances (one Multicall) at a block. */
final class WalletReader {
  private final ChainClient chain;
  private final Multicall multicall;

  WalletReader(ChainClient chain, Multicall multicall) {
    this.chain = chain;
    this.multicall = multicall;
  }

  /**
   * @throws RpcException when the endpoint fails or a balanceOf reverts
   */
  WalletState read(Address wallet, List<Address> tokens, long block) {
    Map<Address, BigInteger> balances = new HashMap<>();
    if (!tokens.isEmpty()) {
      List<CallRequest> calls = tokens.stream().map(t -> new CallRequest(t, erc20(t).balanceOf(wallet.hex()).encodeFunctionCall())).toList();
      List<CallResult> r = multicall.aggregate(calls, block);
      for (int i = 0; i < tokens.size(); i++) {
        if (!r.get(i).success()) throw new RpcException("balanceOf on token " + tokens.get(i) + " reverted");
        balances.put(tokens.get(i), (BigInteger) erc20(tokens.get(i)).balanceOf(wallet.hex())
            .decodeFunctionResponse(r.get(i).returnData()).get(0).getValue());
      }
    }
    return new WalletState(chain.balance(wallet), balances); // native balance at the latest block
  }

  private static IERC20Detailed erc20(Address token) {
    return Wrappers.at(token, IERC20Detailed::load);
  }
}
