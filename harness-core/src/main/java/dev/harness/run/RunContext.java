package dev.harness.run;

import dev.harness.engine.Transport;
import dev.harness.payload.PayloadSet;
import dev.harness.protocol.Protocol;
import dev.harness.time.NanoClock;
import java.util.Map;

/**
 * What every step of a multi-step run shares: endpoint facts, payloads, the transport (one set of
 * SageMaker credentials for the whole search), clock, versions.
 */
record RunContext(
    Map<String, String> headers,
    PayloadSet payloads,
    Protocol protocol,
    Transport transport,
    NanoClock clock,
    String version,
    int eventLoops) {}
