package dev.harness.engine;

import dev.harness.protocol.ResponseResult;
import dev.harness.record.Outcome;

/** Where a finished request goes: exactly one call per dispatched request. */
interface Completion {
  /**
   * @param request the finished request (lastByte set)
   * @param outcome its outcome
   * @param result parser result for responses that completed, else null
   */
  void complete(RequestContext request, Outcome outcome, ResponseResult result);
}
