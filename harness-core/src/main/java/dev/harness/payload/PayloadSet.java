package dev.harness.payload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JSONL payload file, scanned once and then read back a line at a time.
 *
 * <p>{@link #open} streams the file line by line (see docs/payloads.md for the format), validates
 * every line, and keeps only each valid line's byte offset, length, line number and weight, plus
 * the numbers for {@link #stats()}; bodies are never all in memory. {@link #get} re-reads one line
 * by its offset with a positional read, so it is safe from many threads.
 *
 * <pre>{@code
 * try (PayloadSet set = PayloadSet.open(Path.of("payloads/chat-support.jsonl"), false)) {
 *   PayloadSampler sampler = PayloadSampler.of(Sampling.SHUFFLE, set, seed);
 *   Payload next = set.get(sampler.nextIndex());
 * }
 * }</pre>
 */
public final class PayloadSet implements AutoCloseable {
  /** How many messages of skipped lines are kept. */
  public static final int MAX_KEPT_ERRORS = 20;

  private final Path file;
  private final FileChannel channel;
  private final LineParser parser;
  private final long[] offsets;
  private final int[] lengths;
  private final long[] lineNumbers;
  private final double[] weights;
  private final int skippedLines;
  private final List<String> skippedLineErrors;
  private final PayloadStats stats;

  private PayloadSet(Path file, FileChannel channel, LineParser parser, Scan scan) {
    this.file = file;
    this.channel = channel;
    this.parser = parser;
    this.offsets = Arrays.copyOf(scan.offsets, scan.size);
    this.lengths = Arrays.copyOf(scan.lengths, scan.size);
    this.lineNumbers = Arrays.copyOf(scan.lineNumbers, scan.size);
    this.weights = Arrays.copyOf(scan.weights, scan.size);
    this.skippedLines = scan.skipped;
    this.skippedLineErrors = List.copyOf(scan.errors);
    this.stats = scan.stats.build();
  }

  /**
   * Scans {@code file} and keeps it open for {@link #get}.
   *
   * @param skipBadLines skip and count malformed lines instead of failing on the first
   * @throws java.nio.file.NoSuchFileException when the file does not exist (message: the path)
   * @throws PayloadException for a malformed line ({@code "<file>:<line>: <what>"}) unless
   *     skipped, or when no line is valid
   */
  public static PayloadSet open(Path file, boolean skipBadLines)
      throws IOException, PayloadException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      LineParser parser = new LineParser();
      Scan scan = new Scan(file, parser, skipBadLines);
      LineScanner.scan(channel, scan);
      if (scan.size == 0) {
        throw new PayloadException(
            file,
            scan.skipped == 0
                ? "empty payload set (no payload lines)"
                : "empty payload set (all " + scan.skipped + " payload lines are bad; first: "
                    + scan.errors.get(0) + ")");
      }
      return new PayloadSet(file, channel, parser, scan);
    } catch (IOException | PayloadException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  /** Number of valid payloads. */
  public int size() {
    return offsets.length;
  }

  /** Malformed lines skipped (only with {@code skipBadLines}). */
  public int skippedLines() {
    return skippedLines;
  }

  /** Messages of the first {@value #MAX_KEPT_ERRORS} skipped lines, in file order. */
  public List<String> skippedLineErrors() {
    return skippedLineErrors;
  }

  /** Sampling weight of payload {@code index}. */
  public double weight(int index) {
    return weights[checkIndex(index)];
  }

  public PayloadStats stats() {
    return stats;
  }

  /**
   * Payload {@code index} (0-based among valid lines), read again from disk and parsed. Each call
   * returns a fresh body that the caller may modify.
   *
   * @throws IOException when the file cannot be read or changed since it was opened
   */
  public Payload get(int index) throws IOException {
    checkIndex(index);
    byte[] bytes = new byte[lengths[index]];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long position = offsets[index];
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) {
        throw new IOException(file + ":" + lineNumbers[index] + ": file shorter than when opened");
      }
    }
    try {
      return parser.parse(bytes, bytes.length, index, lineNumbers[index]);
    } catch (LineParser.BadLine e) {
      throw new IOException(
          file + ":" + lineNumbers[index] + ": changed since the file was opened: "
              + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private int checkIndex(int index) {
    if (index < 0 || index >= offsets.length) {
      throw new IndexOutOfBoundsException(
          "payload index " + index + " outside 0.." + (offsets.length - 1));
    }
    return index;
  }

  /** State of the one streaming pass. */
  private static final class Scan implements LineScanner.Sink {
    private final Path file;
    private final LineParser parser;
    private final boolean skipBadLines;
    private final StatsCollector stats;
    private final List<String> errors = new ArrayList<>();
    private long[] offsets = new long[256];
    private int[] lengths = new int[256];
    private long[] lineNumbers = new long[256];
    private double[] weights = new double[256];
    private int size;
    private int skipped;

    Scan(Path file, LineParser parser, boolean skipBadLines) {
      this.file = file;
      this.parser = parser;
      this.skipBadLines = skipBadLines;
      this.stats = new StatsCollector(parser.mapper());
    }

    @Override
    public void line(byte[] bytes, int length, long offset, long lineNumber)
        throws PayloadException {
      if (LineParser.isBlank(bytes, length)) {
        return;
      }
      Payload payload;
      try {
        payload = parser.parse(bytes, length, size, lineNumber);
        stats.add(payload);
      } catch (LineParser.BadLine | IOException e) {
        PayloadException bad = new PayloadException(file, lineNumber, e.getMessage());
        if (!skipBadLines) {
          throw bad;
        }
        skipped++;
        if (errors.size() < MAX_KEPT_ERRORS) {
          errors.add(bad.getMessage());
        }
        return;
      }
      if (size == offsets.length) {
        int capacity = size * 2;
        offsets = Arrays.copyOf(offsets, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
        lineNumbers = Arrays.copyOf(lineNumbers, capacity);
        weights = Arrays.copyOf(weights, capacity);
      }
      offsets[size] = offset;
      lengths[size] = length;
      lineNumbers[size] = lineNumber;
      weights[size] = payload.weight();
      size++;
    }
  }
}
