/**
 * The crash-safe journal: an embedded SQLite database (WAL, {@code synchronous=FULL}) recording each intent, each
 * signed transaction before it is broadcast, and each outcome. Amounts are stored as decimal text of exact integers
 * (wei, USD wad). The execution package writes it; {@code keeper history} reads it.
 */
package io.collateralkeeper.journal;
