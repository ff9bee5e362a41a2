package dev.harness.result;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@code results.json} (schema: docs/results-schema.md). Writes atomically (temp
 * file, then rename), map entries sorted by key so that equal results give identical files.
 */
public final class ResultsJson {
  public static final String FILE_NAME = "results.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(SerializationFeature.INDENT_OUTPUT)
          // the records hold Map.copyOf maps, whose order changes from one JVM to the next:
          // sorted keys keep the file the same for the same results (diffs, golden files)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ResultsJson() {}

  public static void write(RunResult result, Path dir) throws IOException {
    Path tmp = dir.resolve(FILE_NAME + ".tmp");
    MAPPER.writeValue(tmp.toFile(), result);
    Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  public static RunResult read(Path dirOrFile) throws IOException {
    Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(FILE_NAME) : dirOrFile;
    RunResult r = MAPPER.readValue(file.toFile(), RunResult.class);
    if (r.schemaVersion() > RunResult.SCHEMA_VERSION) {
      throw new IOException(
          file + ": schema version " + r.schemaVersion() + " is newer than this harness reads ("
              + RunResult.SCHEMA_VERSION + ")");
    }
    return r;
  }
}
