package dev.harness.record;

import dev.harness.record.TokenCountSource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code requests.bin}: one fixed-size binary record per scheduled request (never bodies), so
 * verdicts can be recomputed later. Format version {@value #FORMAT_VERSION}, big-endian:
 *
 * <pre>
 * header: "HRQB" | int version | long originWallMillis | int n | n × UTF outcome label
 *         | int m | m × UTF token-source label
 * record: long sequence | int step | int payloadIndex | byte outcome | byte tokenSource
 *         | short httpStatus | int outputTokens | int promptTokens
 *         | 8 × long (intended, dispatched, acquired, connected, flushed, firstByte,
 *           firstToken, lastByte; ns since origin, -1 absent) | byte flags
 * </pre>
 *
 * Outcome and token-source bytes index the label tables in the header, so readers do not depend
 * on enum order. Writers enqueue from any thread; {@link #drain()} writes from one thread.
 */
public final class RequestLog implements Closeable {
  public static final int FORMAT_VERSION = 1;
  private static final int MAGIC = 0x48525142; // "HRQB"

  private final DataOutputStream out;
  private final ConcurrentLinkedQueue<RequestRecord> queue = new ConcurrentLinkedQueue<>();
  private long written;
  private long originWallMillis;
  private boolean headerWritten;
  private java.util.function.Consumer<RequestRecord> observer = r -> {};

  /**
   * Opens the file. The header is written with the first records, so the engine can set the
   * run's real origin ({@link #originWallMillis(long)}) once it is known; {@code
   * originWallMillis} here is the fallback.
   */
  public RequestLog(Path file, long originWallMillis) throws IOException {
    this.out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    this.originWallMillis = originWallMillis;
  }

  /** Sets the wall-clock time of the origin that record times count from. Before any drain. */
  public synchronized void originWallMillis(long millis) {
    if (headerWritten) {
      throw new IllegalStateException("the header of requests.bin is already written");
    }
    this.originWallMillis = millis;
  }

  private void writeHeader() throws IOException {
    headerWritten = true;
    out.writeInt(MAGIC);
    out.writeInt(FORMAT_VERSION);
    out.writeLong(originWallMillis);
    out.writeInt(Outcome.values().length);
    for (Outcome o : Outcome.values()) {
      out.writeUTF(o.label());
    }
    out.writeInt(TokenCountSource.values().length);
    for (TokenCountSource s : TokenCountSource.values()) {
      out.writeUTF(s.name());
    }
  }

  /**
   * Also hands every record to {@code observer} as it is written (on the draining thread, in
   * write order), e.g. to judge a capacity step while it runs.
   */
  public synchronized void observe(java.util.function.Consumer<RequestRecord> observer) {
    this.observer = observer == null ? r -> {} : observer;
  }

  /** Queues a record; cheap and safe from any thread. */
  public void add(RequestRecord r) {
    queue.add(r);
  }

  /** Writes everything queued so far. Call from one thread. */
  public synchronized void drain() throws IOException {
    if (!headerWritten) {
      writeHeader();
    }
    RequestRecord r;
    while ((r = queue.poll()) != null) {
      write(r);
      written++;
      observer.accept(r);
    }
  }

  public synchronized long written() {
    return written;
  }

  private void write(RequestRecord r) throws IOException {
    out.writeLong(r.sequence());
    out.writeInt(r.step());
    out.writeInt(r.payloadIndex());
    out.writeByte(r.outcome().ordinal());
    out.writeByte(r.tokenSource().ordinal());
    out.writeShort(r.httpStatus());
    out.writeInt(r.outputTokens());
    out.writeInt(r.promptTokens());
    out.writeLong(r.intended());
    out.writeLong(r.dispatched());
    out.writeLong(r.acquired());
    out.writeLong(r.connected());
    out.writeLong(r.flushed());
    out.writeLong(r.firstByte());
    out.writeLong(r.firstToken());
    out.writeLong(r.lastByte());
    out.writeByte(r.flags());
  }

  @Override
  public synchronized void close() throws IOException {
    drain();
    out.close();
  }

  /** Reads a whole file back (for reports and tests). */
  public static List<RequestRecord> read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + ": not a requests.bin file");
      }
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new IOException(file + ": unsupported requests.bin version " + version);
      }
      in.readLong();
      Outcome[] outcomes = new Outcome[in.readInt()];
      for (int i = 0; i < outcomes.length; i++) {
        outcomes[i] = outcomeByLabel(in.readUTF());
      }
      TokenCountSource[] sources = new TokenCountSource[in.readInt()];
      for (int i = 0; i < sources.length; i++) {
        sources[i] = TokenCountSource.valueOf(in.readUTF());
      }
      List<RequestRecord> records = new ArrayList<>();
      while (true) {
        long seq;
        try {
          seq = in.readLong();
        } catch (EOFException end) {
          return records;
        }
        records.add(
            new RequestRecord(
                seq,
                in.readInt(),
                in.readInt(),
                outcomes[in.readUnsignedByte()],
                sources[in.readUnsignedByte()],
                in.readUnsignedShort(),
                in.readInt(),
                in.readInt(),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readUnsignedByte()));
      }
    }
  }

  private static Outcome outcomeByLabel(String label) throws IOException {
    for (Outcome o : Outcome.values()) {
      if (o.label().equals(label)) {
        return o;
      }
    }
    throw new IOException("unknown outcome '" + label + "' in requests.bin");
  }
}
