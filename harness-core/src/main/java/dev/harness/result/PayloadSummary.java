package dev.harness.result;

/**
 * The payload set a run replayed.
 *
 * @param file path as given
 * @param count valid lines
 * @param skippedLines malformed lines skipped (only with skip-bad-lines)
 * @param sampling sequential, shuffle or weighted
 * @param saltedPrompts prompts were prefixed with a unique marker
 * @param sha256 digest of the file, to tell whether two runs used the same set
 */
public record PayloadSummary(
    String file, int count, int skippedLines, String sampling, boolean saltedPrompts, String sha256) {}
