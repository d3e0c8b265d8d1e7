package io.collateralkeeper.protocol.aave;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.UserConfig;
import io.collateralkeeper.risk.aave.UserReserve;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token calls that read one user's balances, and their decoding: for each listed reserve the configuration
 * marks as collateral, {@code AToken.scaledBalanceOf}; for each it marks as borrowed,
 * {@code VariableDebtToken.scaledBalanceOf} and {@code StableDebtToken.principalBalanceOf},
 * {@code getUserStableRate} and {@code getUserLastUpdated}.
 */
final class BalanceCalls {
  private record Slot(int reserveId, boolean collateral, boolean borrowing, int first) {}

  private final List<Slot> slots;

  private BalanceCalls(List<Slot> slots) {
    this.slots = slots;
  }

  /** Appends the user's calls to {@code calls} and remembers where they are. */
  static BalanceCalls plan(Address user, UserConfig config, AaveMarket market, List<CallRequest> calls) {
    List<Slot> slots = new ArrayList<>();
    for (int id = 0; id < config.reserveIdBound(); id++) {
      AaveReserve r = market.reserve(id);
      if (r == null || !config.isUsingAsCollateralOrBorrowing(id)) continue;
      boolean collateral = config.isUsingAsCollateral(id);
      boolean borrowing = config.isBorrowing(id);
      slots.add(new Slot(id, collateral, borrowing, calls.size()));
      if (collateral) calls.add(new CallRequest(r.aToken(), AaveAbi.scaledBalanceOf(user)));
      if (borrowing) {
        calls.add(new CallRequest(r.variableDebtToken(), AaveAbi.variableScaledBalanceOf(user)));
        calls.add(new CallRequest(r.stableDebtToken(), AaveAbi.principalBalanceOf(user)));
        calls.add(new CallRequest(r.stableDebtToken(), AaveAbi.getUserStableRate(user)));
        calls.add(new CallRequest(r.stableDebtToken(), AaveAbi.getUserLastUpdated(user)));
      }
    }
    return new BalanceCalls(slots);
  }

  /** The user's balances by reserve id, from the results of all planned calls. */
  Map<Integer, UserReserve> decode(List<CallResult> results) {
    Map<Integer, UserReserve> out = new HashMap<>();
    for (Slot s : slots) {
      int i = s.first();
      BigInteger supplied = BigInteger.ZERO;
      if (s.collateral()) supplied = uint(results.get(i++));
      if (!s.borrowing()) {
        out.put(s.reserveId(), new UserReserve(supplied, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 0));
        continue;
      }
      BigInteger variable = uint(results.get(i++));
      BigInteger principal = uint(results.get(i++));
      BigInteger rate = uint(results.get(i++));
      long updated = uint(results.get(i)).longValueExact();
      out.put(s.reserveId(), new UserReserve(supplied, variable, principal, rate, updated));
    }
    return out;
  }

  private static BigInteger uint(CallResult r) {
    return AaveAbi.decodeUint(r.returnData());
  }
}
