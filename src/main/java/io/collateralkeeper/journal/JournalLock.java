package io.collateralkeeper.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code JOURNAL.lock}, held while a keeper writes the journal, so that two keeper processes
 * never send from the same journal. The OS releases it when the process dies, SIGKILL included.
 */
final class JournalLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private JournalLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock without waiting.
   *
   * @throws JournalException when another process (or another journal in this one) holds it
   */
  static JournalLock acquire(Path journal) {
    Path lockFile = journal.resolveSibling(journal.getFileName() + ".lock");
    FileChannel ch = null;
    try {
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l = ch.tryLock();
      if (l == null) throw inUse(journal, null);
      return new JournalLock(ch, l);
    } catch (OverlappingFileLockException e) {
      closeQuietly(ch);
      throw inUse(journal, e);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new JournalException("cannot lock journal " + journal + ": " + e.getMessage(), e);
    } catch (JournalException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private static JournalException inUse(Path journal, Throwable cause) {
    return new JournalException("journal " + journal + " is in use by another keeper process", cause);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch == null) return;
    try {
      ch.close();
    } catch (IOException ignored) {
      // best effort: the lock was not taken
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(channel);
  }
}
