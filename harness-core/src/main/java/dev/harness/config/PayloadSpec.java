package dev.harness.config;

import dev.harness.payload.Sampling;
import java.nio.file.Path;

/**
 * The payload set a plan replays.
 *
 * @param file JSONL file, resolved against the plan's directory
 * @param sampling order in which payloads are drawn
 * @param saltPrompts prefix every prompt with a unique marker to defeat server prompt caches
 * @param skipBadLines skip (and count) malformed lines instead of failing
 */
public record PayloadSpec(Path file, Sampling sampling, boolean saltPrompts, boolean skipBadLines) {}
