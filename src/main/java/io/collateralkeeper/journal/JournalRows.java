package io.collateralkeeper.journal;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/** Maps journal rows to records. Amount columns hold decimal text of exact integers. */
final class JournalRows {
  private JournalRows() {}

  static IntentRecord intent(ResultSet rs) throws SQLException {
    return new IntentRecord(
        rs.getLong("id"),
        rs.getLong("created_ms"),
        rs.getLong("chain_id"),
        rs.getString("protocol"),
        Address.of(rs.getString("account")),
        rs.getString("action"),
        rs.getString("intent_key"),
        new BigInteger(rs.getString("expected_profit_usd_wad")),
        IntentStatus.fromDb(rs.getString("status")));
  }

  static TxRecord tx(ResultSet rs) throws SQLException {
    long intent = rs.getLong("intent_id");
    OptionalLong intentId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(intent);
    return new TxRecord(
        rs.getString("hash"),
        intentId,
        rs.getLong("chain_id"),
        Address.of(rs.getString("signer")),
        rs.getLong("nonce"),
        TxKind.fromDb(rs.getString("kind")),
        new BigInteger(rs.getString("max_fee_wei")),
        new BigInteger(rs.getString("tip_wei")),
        new BigInteger(rs.getString("gas_limit")),
        Route.fromDb(rs.getString("route")),
        rs.getString("raw_signed_hex"),
        rs.getLong("signed_ms"),
        rs.getLong("sent_block"),
        TxStatus.fromDb(rs.getString("status")));
  }

  static OutcomeRecord outcome(ResultSet rs) throws SQLException {
    return new OutcomeRecord(
        rs.getString("hash"),
        rs.getLong("block"),
        rs.getInt("success") == 1,
        new BigInteger(rs.getString("gas_used")),
        new BigInteger(rs.getString("effective_gas_price_wei")),
        new BigInteger(rs.getString("realized_revenue_usd_wad")),
        new BigInteger(rs.getString("gas_cost_usd_wad")));
  }

  static HistoryRow history(ResultSet rs) throws SQLException {
    long intent = rs.getLong("intent_id");
    OptionalLong intentId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(intent);
    String protocol = rs.getString("protocol");
    String intentStatus = rs.getString("intent_status");
    Optional<OutcomeRecord> outcome = rs.getString("hash") == null ? Optional.empty() : Optional.of(outcome(rs));
    return new HistoryRow(
        intentId,
        protocol == null ? HistoryRow.NO_PROTOCOL : protocol,
        Optional.ofNullable(intentStatus).map(IntentStatus::fromDb),
        rs.getLong("at_ms"),
        TxStatus.fromDb(rs.getString("tx_status")),
        outcome);
  }
}
