package dev.harness.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLogTest {
  /** Bytes of one record as documented: 8 + 4 + 4 + 1 + 1 + 2 + 4 + 4 + 8 × 8 + 1. */
  private static final int RECORD_BYTES = 93;

  @TempDir Path dir;

  /** One record per outcome, every field distinct, absent times and unusual values included. */
  private static List<RequestRecord> samples() {
    List<RequestRecord> records = new ArrayList<>();
    Outcome[] outcomes = Outcome.values();
    TokenCountSource[] sources = TokenCountSource.values();
    for (int i = 0; i < outcomes.length; i++) {
      long base = 1_000_000_000L * (i + 1);
      records.add(
          new RequestRecord(
              (1L << 33) + i,
              i % 3,
              70_000 + i,
              outcomes[i],
              sources[i % sources.length],
              i == 0 ? 200 : 400 + i * 13,
              i * 1000,
              i % 2 == 0 ? -1 : 4096 + i,
              base,
              base + 11,
              i == 1 ? -1 : base + 22,
              i % 2 == 0 ? -1 : base + 33,
              base + 44,
              base + 55,
              i == 0 ? base + 66 : -1,
              Long.MAX_VALUE - i,
              i & 7));
    }
    return records;
  }

  @Test
  void everyFieldRoundTrips() throws Exception {
    Path file = dir.resolve("requests.bin");
    List<RequestRecord> written = samples();
    try (RequestLog log = new RequestLog(file, 1_750_000_000_000L)) {
      written.forEach(log::add);
      log.drain();
      assertThat(log.written()).isEqualTo(written.size());
    }

    assertThat(RequestLog.read(file)).containsExactlyElementsOf(written);
  }

  @Test
  void closeWritesWhatIsStillQueued() throws Exception {
    Path file = dir.resolve("requests.bin");
    List<RequestRecord> written = samples();
    try (RequestLog log = new RequestLog(file, 0)) {
      written.forEach(log::add);
    }

    assertThat(RequestLog.read(file)).containsExactlyElementsOf(written);
  }

  @Test
  void recordsQueuedFromManyThreadsAreAllWritten() throws Exception {
    Path file = dir.resolve("requests.bin");
    RequestRecord template = samples().get(0);
    try (RequestLog log = new RequestLog(file, 0)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 250;
        threads.add(
            new Thread(
                () -> {
                  for (int i = 0; i < 250; i++) {
                    log.add(withSequence(template, offset + i));
                  }
                }));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
    }

    assertThat(RequestLog.read(file)).extracting(RequestRecord::sequence)
        .hasSize(1000).doesNotHaveDuplicates()
        .allSatisfy(s -> assertThat(s).isBetween(0L, 999L));
  }

  @Test
  void theFileLayoutIsTheDocumentedOne() throws Exception {
    Path file = dir.resolve("requests.bin");
    List<RequestRecord> written = samples();
    try (RequestLog log = new RequestLog(file, 0)) {
      written.forEach(log::add);
    }

    int header = 4 + 4 + 8 + 4 + 4;
    for (Outcome o : Outcome.values()) {
      header += 2 + o.label().getBytes(StandardCharsets.UTF_8).length;
    }
    for (TokenCountSource s : TokenCountSource.values()) {
      header += 2 + s.name().getBytes(StandardCharsets.UTF_8).length;
    }
    assertThat(Files.size(file)).isEqualTo(header + (long) RECORD_BYTES * written.size());
    byte[] bytes = Files.readAllBytes(file);
    assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("HRQB");
    assertThat(bytes[7]).isEqualTo((byte) RequestLog.FORMAT_VERSION);
  }

  @Test
  void aFileThatIsNotARequestLogIsRejected() throws Exception {
    Path file = Files.writeString(dir.resolve("requests.bin"), "hello, world");

    assertThatIOException().isThrownBy(() -> RequestLog.read(file))
        .withMessageContaining("not a requests.bin file");
  }

  @Test
  void aNewerFormatVersionIsRejected() throws Exception {
    Path file = dir.resolve("requests.bin");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.writeBytes("HRQB");
      out.writeInt(RequestLog.FORMAT_VERSION + 1);
    }

    assertThatIOException().isThrownBy(() -> RequestLog.read(file))
        .withMessageContaining("unsupported requests.bin version " + (RequestLog.FORMAT_VERSION + 1));
  }

  @Test
  void flagsAndLatencyAreReadFromTheRecord() {
    RequestRecord censored =
        new RequestRecord(1, 0, 0, Outcome.TIMEOUT, TokenCountSource.NONE, 0, 0, -1,
            1_000, 1_010, 1_020, -1, 1_030, -1, -1, 2_001_000, RequestRecord.CENSORED);
    RequestRecord dropped =
        new RequestRecord(2, 0, 0, Outcome.DROPPED, TokenCountSource.NONE, 0, 0, -1,
            5_000, 5_000, -1, -1, -1, -1, -1, -1, 0);

    assertThat(censored.censored()).isTrue();
    assertThat(censored.e2eNanos()).isEqualTo(2_000_000);
    assertThat(dropped.censored()).isFalse();
    assertThat(dropped.e2eNanos()).isEqualTo(-1);
  }

  private static RequestRecord withSequence(RequestRecord r, long sequence) {
    return new RequestRecord(
        sequence, r.step(), r.payloadIndex(), r.outcome(), r.tokenSource(), r.httpStatus(),
        r.outputTokens(), r.promptTokens(), r.intended(), r.dispatched(), r.acquired(),
        r.connected(), r.flushed(), r.firstByte(), r.firstToken(), r.lastByte(), r.flags());
  }
}
