package io.collateralkeeper.chain;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.Service;

/**
 * A web3j {@link Service} over an {@link EndpointPool}: each request (or batch) goes to the pool's preferred endpoint
 * and, when that fails (transport error, HTTP error, oversized or malformed response), to the next one, until one
 * answers. Every {@code ChainClient} call, and every web3j wrapper built on it, fails over this way.
 */
final class FailoverService extends Service {
  private final EndpointPool pool;

  FailoverService(EndpointPool pool) {
    super(false);
    this.pool = pool;
  }

  @Override
  protected InputStream performIO(String payload) throws IOException {
    List<EndpointService> order = pool.readOrder();
    if (order.isEmpty()) throw new IOException("no usable RPC endpoint: " + pool.failureSummary());
    List<String> errors = new ArrayList<>();
    IOException last = null;
    for (EndpointService e : order) {
      try {
        InputStream in = e.exchange(payload);
        if (last != null) pool.noteStates();
        return in;
      } catch (IOException ex) {
        last = ex;
        errors.add(e.endpoint() + ": " + ex.getMessage());
      }
    }
    pool.noteStates();
    if (order.size() == 1) throw last;
    throw new IOException("every endpoint failed: " + String.join("; ", errors), last);
  }

  @Override
  public void close() {
    pool.close();
  }
}
