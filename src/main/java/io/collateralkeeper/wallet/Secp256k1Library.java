package io.collateralkeeper.wallet;

import fr.acinq.secp256k1.Secp256k1;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads ACINQ's JNI binding of bitcoin-core's libsecp256k1 once per process. Loading fails on a platform without a
 * bundled native library (the jar ships linux x86_64/aarch64, macOS and Windows builds); the failure is remembered
 * and signing falls back to web3j. The system property {@value #PROPERTY}{@code =web3j} skips the native library.
 */
public final class Secp256k1Library {
  /** System property choosing the ECDSA implementation: {@code web3j} forces web3j, anything else tries native. */
  public static final String PROPERTY = "keeper.signing";

  private static final Logger LOG = LoggerFactory.getLogger(Secp256k1Library.class);

  private Secp256k1Library() {}

  /**
   * The loaded library, or empty when it cannot load or {@value #PROPERTY} is {@code web3j}.
   *
   * @return the native secp256k1 functions; the first call loads them and logs one DEBUG line with the outcome
   */
  public static Optional<Secp256k1> get() {
    return Holder.LIBRARY;
  }

  /** Initialised on first use (class-holder idiom): one load attempt per process. */
  private static final class Holder {
    static final Optional<Secp256k1> LIBRARY = load();
  }

  private static Optional<Secp256k1> load() {
    if ("web3j".equals(System.getProperty(PROPERTY, "").strip().toLowerCase(Locale.ROOT))) {
      LOG.debug("ECDSA signing: web3j (-D{}=web3j)", PROPERTY);
      return Optional.empty();
    }
    try {
      Secp256k1 lib = Secp256k1.get();
      LOG.debug("ECDSA signing: native libsecp256k1");
      return Optional.of(lib);
    } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError, ...: no native library here
      LOG.debug("ECDSA signing: web3j (libsecp256k1 did not load: {})", e.toString());
      return Optional.empty();
    }
  }
}
