package dev.harness.engine;

/** Receives the engine's live progress, once a second, on the engine's interval thread. */
@FunctionalInterface
public interface EngineListener {
  void onProgress(Progress progress);

  EngineListener NONE = p -> {};
}
