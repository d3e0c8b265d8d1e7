package io.collateralkeeper.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and checks the journal's tables. A keeper journal carries SQLite's {@code application_id} 0x4B4A524E
 * ("KJRN") and a {@code schema_version} table; any other database is refused rather than written to.
 */
final class JournalSchema {
  /** SQLite {@code PRAGMA application_id} of a keeper journal: "KJRN". */
  static final int APPLICATION_ID = 0x4B4A524E;
  /** The schema version this code writes and reads. */
  static final int VERSION = 1;

  private static final List<String> DDL =
      List.of(
          "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_ms INTEGER NOT NULL)",
          """
          CREATE TABLE intents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_ms INTEGER NOT NULL,
            chain_id INTEGER NOT NULL,
            protocol TEXT NOT NULL,
            account TEXT NOT NULL,
            action TEXT NOT NULL,
            intent_key TEXT NOT NULL,
            expected_profit_usd_wad TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open','won','lost','cancelled','failed')),
            closed_ms INTEGER)""",
          "CREATE UNIQUE INDEX intents_one_open_per_key ON intents (chain_id, intent_key) WHERE status = 'open'",
          """
          CREATE TABLE txs (
            hash TEXT PRIMARY KEY,
            intent_id INTEGER REFERENCES intents (id),
            chain_id INTEGER NOT NULL,
            signer TEXT NOT NULL,
            nonce INTEGER NOT NULL CHECK (nonce >= 0),
            kind TEXT NOT NULL CHECK (kind IN ('call','cancel')),
            max_fee_wei TEXT NOT NULL,
            tip_wei TEXT NOT NULL,
            gas_limit TEXT NOT NULL,
            route TEXT NOT NULL CHECK (route IN ('public','bundle')),
            raw_signed_hex TEXT NOT NULL,
            signed_ms INTEGER NOT NULL,
            sent_block INTEGER NOT NULL,
            status TEXT NOT NULL
              CHECK (status IN ('signed','broadcast','included','reverted','replaced','dropped')),
            updated_ms INTEGER NOT NULL)""",
          "CREATE INDEX txs_by_nonce ON txs (chain_id, signer, nonce)",
          "CREATE INDEX txs_by_intent ON txs (intent_id)",
          """
          CREATE TABLE outcomes (
            hash TEXT PRIMARY KEY REFERENCES txs (hash),
            block INTEGER NOT NULL,
            success INTEGER NOT NULL CHECK (success IN (0, 1)),
            gas_used TEXT NOT NULL,
            effective_gas_price_wei TEXT NOT NULL,
            realized_revenue_usd_wad TEXT NOT NULL,
            gas_cost_usd_wad TEXT NOT NULL,
            recorded_ms INTEGER NOT NULL)""");

  /** The account index (discovery survives restarts); additive, so created in existing journals too. */
  private static final List<String> INDEX_DDL =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS index_progress (
            chain_id INTEGER NOT NULL,
            market TEXT NOT NULL,
            next_block INTEGER NOT NULL CHECK (next_block >= 0),
            PRIMARY KEY (chain_id, market))""",
          """
          CREATE TABLE IF NOT EXISTS indexed_accounts (
            chain_id INTEGER NOT NULL,
            market TEXT NOT NULL,
            account TEXT NOT NULL,
            PRIMARY KEY (chain_id, market, account))""",
          """
          CREATE TABLE IF NOT EXISTS index_checkpoints (
            chain_id INTEGER NOT NULL,
            market TEXT NOT NULL,
            block INTEGER NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (chain_id, market, block))""");

  /**
   * Columns added to existing tables (reorg handling): the block (and its hash) of the first event that revealed an
   * account. NULL in rows written before (such accounts are never dropped by a rollback).
   */
  private static final List<String[]> ADDED_COLUMNS =
      List.of(
          new String[] {"indexed_accounts", "first_block", "INTEGER"},
          new String[] {"indexed_accounts", "first_block_hash", "TEXT"});

  private JournalSchema() {}

  /**
   * Creates the schema in an empty database, or checks an existing one.
   *
   * @throws JournalException when the file is another application's database or a newer schema version
   */
  static void createOrVerify(Connection c, Path file, long nowMs) throws SQLException {
    int appId = intPragma(c, "application_id");
    if (appId == 0 && tableCount(c) == 0) {
      create(c, nowMs);
      createIndex(c);
      return;
    }
    if (appId != APPLICATION_ID) {
      throw new JournalException(file + " is not a keeper journal (another application's SQLite database)");
    }
    int version = version(c);
    if (version > VERSION) {
      throw new JournalException(
          "journal " + file + " has schema version " + version + "; this keeper reads up to " + VERSION
              + ": use a newer keeper");
    }
    if (version < 1) throw new JournalException("journal " + file + " has no schema version: the file is damaged");
    createIndex(c);
  }

  private static void createIndex(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String ddl : INDEX_DDL) s.executeUpdate(ddl);
      for (String[] col : ADDED_COLUMNS) {
        if (!hasColumn(c, col[0], col[1])) {
          s.executeUpdate("ALTER TABLE " + col[0] + " ADD COLUMN " + col[1] + " " + col[2]);
        }
      }
    }
  }

  private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) if (column.equals(rs.getString("name"))) return true;
      return false;
    }
  }

  private static void create(Connection c, long nowMs) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String ddl : DDL) s.executeUpdate(ddl);
      s.executeUpdate("INSERT INTO schema_version (version, applied_ms) VALUES (" + VERSION + ", " + nowMs + ")");
      s.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().contains("no such table")) return 0;
      throw e;
    }
  }

  private static int tableCount(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_schema")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static int intPragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
