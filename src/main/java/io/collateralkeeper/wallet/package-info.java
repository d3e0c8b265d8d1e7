/**
 * Keeper wallets: loading the key that signs the keeper's transactions.
 *
 * <p>{@link io.collateralkeeper.wallet.WalletLoader} turns an encrypted Ethereum V3 keystore plus
 * a password file, or one of the well-known local dev-chain accounts, into a {@link
 * io.collateralkeeper.wallet.Signer}. Plain-text private keys are deliberately not accepted, and
 * no class in this package ever writes key material to logs, exception messages or {@code
 * toString()} output.
 */
package io.collateralkeeper.wallet;
