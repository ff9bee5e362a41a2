package dev.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {
  @ParameterizedTest(name = "{0} = {1} ns")
  @CsvSource({
    "250ms, 250000000",
    "10s, 10000000000",
    "2m, 120000000000",
    "1h, 3600000000000",
    "1m30s, 90000000000",
    "1h2m3s4ms, 3723004000000",
    "1.5s, 1500000000",
    "0.25h, 900000000000",
    "750us, 750000",
    "5ns, 5",
    "0s, 0",
    "PT10S, 10000000000",
    "pt1m, 60000000000",
    "'  10s  ', 10000000000",
  })
  void compactAndIsoFormsParse(String text, long nanos) {
    assertThat(DurationParser.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @Test
  void bareNumbersNeedAUnit() {
    assertThatThrownBy(() -> DurationParser.parse("10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'10' needs a unit, e.g. 10s");
    assertThatThrownBy(() -> DurationParser.parse("2.5"))
        .hasMessage("'2.5' needs a unit, e.g. 2.5s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10 parsecs", "s", "10sec", "1m 30s", "-5s", "10S", "1e3s", "P"})
  void textThatIsNotADurationIsRejectedNamingIt(String text) {
    assertThatThrownBy(() -> DurationParser.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text.strip() + "'");
  }

  @Test
  void unitsMustGoFromLargestToSmallestOnce() {
    assertThatThrownBy(() -> DurationParser.parse("30s1m")).hasMessageContaining("largest");
    assertThatThrownBy(() -> DurationParser.parse("1s1s")).hasMessageContaining("each once");
  }

  @Test
  void blankFractionalNanosAndOverflowAreRejected() {
    assertThatThrownBy(() -> DurationParser.parse(" ")).hasMessageContaining("required");
    assertThatThrownBy(() -> DurationParser.parse(null)).hasMessageContaining("required");
    assertThatThrownBy(() -> DurationParser.parse("0.5ns")).hasMessageContaining("nanosecond");
    assertThatThrownBy(() -> DurationParser.parse("9999999h")).hasMessageContaining("too long");
    assertThatThrownBy(() -> DurationParser.parse("PT9999999H")).hasMessageContaining("too long");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1h2m3s4ms5us6ns", "90s", "PT0.25S", "0s", "3h"})
  void formatWritesWhatParseReads(String text) {
    Duration d = DurationParser.parse(text);

    assertThat(DurationParser.parse(DurationParser.format(d))).isEqualTo(d);
  }

  @Test
  void formatUsesTheLargestUnits() {
    assertThat(DurationParser.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(DurationParser.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(DurationParser.format(Duration.ZERO)).isEqualTo("0s");
  }
}
