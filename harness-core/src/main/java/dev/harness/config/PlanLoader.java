package dev.harness.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a YAML test plan (docs/plan-reference.md) into a validated {@link Plan}.
 *
 * <pre>{@code
 * LoadedPlan loaded = new PlanLoader(System.getenv()).load(Path.of("plan.yaml"), overrides);
 * loaded.warnings().forEach(ui::warn);
 * Plan plan = loaded.plan();
 * }</pre>
 *
 * <p>Every problem is a {@link PlanException} that names file, line, column and field; unknown keys
 * are errors (with a suggestion when one is close), so a typo never silently falls back to a
 * default. Secrets are not read here: {@link HeaderResolver} resolves them when the run starts.
 */
public final class PlanLoader {
  private final Map<String, String> environment;

  /**
   * @param environment the process environment; only used to warn about variables the plan names
   *     that are not set
   */
  public PlanLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  /** Reads and validates {@code planFile} (UTF-8), then applies {@code overrides}. */
  public LoadedPlan load(Path planFile, PlanOverrides overrides) throws PlanException {
    Objects.requireNonNull(planFile, "planFile");
    return parse(readText(planFile), planFile, overrides);
  }

  /**
   * Reads and validates a {@code harness recommend} plan (docs/recommend.md); {@code overrides}
   * may replace the seed and the output directory.
   */
  public LoadedRecommendPlan loadRecommend(Path planFile, PlanOverrides overrides)
      throws PlanException {
    Objects.requireNonNull(planFile, "planFile");
    return parseRecommend(readText(planFile), planFile, overrides);
  }

  /** Validates recommend plan text as if read from {@code pretendFile} (see {@link #parse}). */
  public LoadedRecommendPlan parseRecommend(String yaml, Path pretendFile, PlanOverrides overrides)
      throws PlanException {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(pretendFile, "pretendFile");
    PlanOverrides o = overrides == null ? PlanOverrides.none() : overrides;
    return new RecommendReader(new PlanReader(pretendFile, o, environment), pretendFile)
        .read(yaml);
  }

  private static String readText(Path planFile) throws PlanException {
    try {
      return Files.readString(planFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PlanException(planFile, 0, 0, PlanException.DOCUMENT, "no such file");
    } catch (CharacterCodingException e) {
      throw new PlanException(planFile, 0, 0, PlanException.DOCUMENT, "not UTF-8 text");
    } catch (IOException e) {
      throw new PlanException(planFile, 0, 0, PlanException.DOCUMENT,
          "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  /**
   * Validates plan text as if read from {@code pretendFile}: errors name that file, relative
   * payload paths resolve against its parent, and the default name is its name.
   */
  public LoadedPlan parse(String yaml, Path pretendFile, PlanOverrides overrides)
      throws PlanException {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(pretendFile, "pretendFile");
    PlanOverrides o = overrides == null ? PlanOverrides.none() : overrides;
    return new PlanReader(pretendFile, o, environment).read(yaml);
  }
}
