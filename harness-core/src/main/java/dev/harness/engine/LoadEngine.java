package dev.harness.engine;

import dev.harness.config.TlsOptions;
import dev.harness.protocol.RequestSpec;
import dev.harness.protocol.TlsTrust;
import dev.harness.protocol.sagemaker.SageMakerInvoker;
import dev.harness.record.HiccupMeter;
import dev.harness.record.IntervalLog;
import dev.harness.record.Metric;
import dev.harness.record.RequestLog;
import dev.harness.record.RunRecorder;
import dev.harness.time.NanoClock;
import dev.harness.traffic.ArrivalProcess;
import dev.harness.traffic.Schedule;
import dev.harness.traffic.Step;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The open-loop driver. A dedicated pacer thread waits for each intended send time (park, then a
 * short spin) and hands the request to a Netty event loop; latency is measured from the intended
 * time, so a slow endpoint or a full pool shows in the numbers instead of slowing the schedule.
 * Every scheduled request ends with exactly one outcome.
 *
 * <p>Each event loop has a {@link Lane} (dispatch stamp, timeout, exactly-once end) whose {@link
 * Sender} is the {@link Transport}'s: the engine's own HTTP connections, or the AWS SDK for the
 * SageMaker runtime. Pacing, the in-flight cap, timeouts and recording are the same for both.
 *
 * <pre>{@code
 * LoadEngine engine = new LoadEngine(config, transport, recorder, hlog, requestLog, listener);
 * EngineOutcome out = engine.run();   // blocks; engine.stop("interrupted") from another thread
 * }</pre>
 *
 * The engine never prints; progress goes to the {@link EngineListener} once a second.
 */
public final class LoadEngine {
  /** Last stretch before a send that the pacer spins instead of parking. */
  static final long SPIN_NANOS = 60_000L;

  private static final long MAX_PARK_NANOS = 10_000_000L;
  private static final long TICK_NANOS = 1_000_000_000L;

  private final EngineConfig config;
  private final Transport transport;
  private final RunRecorder recorder;
  private final IntervalLog hlog;
  private final RequestLog requestLog;
  private final EngineListener listener;
  private final NanoClock clock;
  private final Schedule schedule;
  private final List<Step> steps;
  private final long timeoutNanos;

  private final AtomicLong inFlight = new AtomicLong();
  private final LongAdder dispatchedCount = new LongAdder();
  private final OutcomeRecorder outcomes;
  private volatile boolean stopRequested;
  private volatile String stopReason;
  private volatile long stopAtNanos = Long.MAX_VALUE;
  private volatile boolean draining;
  private volatile Thread pacerThread;
  private long origin;
  private long originWall;

  /** An engine on the HTTP transport ({@link Transport#http()}). */
  public LoadEngine(
      EngineConfig config,
      RunRecorder recorder,
      IntervalLog hlog,
      RequestLog requestLog,
      EngineListener listener) {
    this(config, Transport.http(), recorder, hlog, requestLog, listener);
  }

  /** An engine that sends through {@code transport} (see {@link Transport#forTarget}). */
  public LoadEngine(
      EngineConfig config,
      Transport transport,
      RunRecorder recorder,
      IntervalLog hlog,
      RequestLog requestLog,
      EngineListener listener) {
    this.config = config;
    this.transport = Objects.requireNonNull(transport, "transport");
    this.recorder = recorder;
    this.hlog = hlog;
    this.requestLog = requestLog;
    this.listener = listener;
    this.clock = config.clock();
    this.schedule = config.schedule();
    this.steps = schedule.steps();
    this.timeoutNanos = config.requestTimeout().toNanos();
    this.outcomes =
        new OutcomeRecorder(recorder, requestLog, timeoutNanos, config.llm(), inFlight);
    if (recorder.steps() != steps.size()) {
      throw new IllegalArgumentException(
          "recorder has " + recorder.steps() + " steps, schedule " + steps.size());
    }
  }

  /**
   * Asks the run to stop: no further sends; in-flight requests get the drain timeout, then are
   * cancelled. Safe from any thread (e.g. a shutdown hook), idempotent.
   */
  public void stop(String reason) {
    if (!stopRequested) {
      stopReason = reason;
      stopRequested = true;
      stopAtNanos = clock.nanoTime();
    }
    Thread p = pacerThread;
    if (p != null) {
      LockSupport.unpark(p);
    }
  }

  /** Runs the whole schedule and drain; blocks until every request has its outcome. */
  public EngineOutcome run() throws InterruptedException {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group =
        epoll
            ? new EpollEventLoopGroup(
                config.eventLoops(), new DefaultThreadFactory("harness-loop", true))
            : new NioEventLoopGroup(
                config.eventLoops(), new DefaultThreadFactory("harness-loop", true));
    Class<? extends SocketChannel> channelType =
        epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    try {
      if (transport instanceof SageMakerTransport) {
        return runSageMaker(group, (SageMakerTransport) transport);
      }
      SslContext ssl = config.tls() ? clientTls(config.tlsOptions()) : null;
      List<LoopPool> pools = new ArrayList<>();
      List<Lane> lanes = new ArrayList<>();
      int loops = config.eventLoops();
      for (int i = 0; i < loops; i++) {
        int share = Math.max(1,
            config.connections() / loops + (i < config.connections() % loops ? 1 : 0));
        Lane lane = new Lane(group.next(), clock, outcomes,
            l -> new LoopPool(l, channelType, config, ssl, share));
        lanes.add(lane);
        pools.add((LoopPool) lane.sender());
      }
      int preconnected = preconnect(pools);
      return drive(lanes, preconnected, epoll ? "epoll" : "nio");
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }

  /**
   * Runs through the AWS SDK: an invoker sized to this run's in-flight cap, one lane per event loop
   * (the loops carry the lanes' timeouts and completions; the SDK has its own for the sockets).
   */
  private EngineOutcome runSageMaker(EventLoopGroup group, SageMakerTransport sm)
      throws InterruptedException {
    SageMakerInvoker invoker = sm.open(config);
    LongAdder invoked = new LongAdder();
    try {
      List<Lane> lanes = new ArrayList<>();
      for (int i = 0; i < config.eventLoops(); i++) {
        lanes.add(new Lane(group.next(), clock, outcomes,
            l -> new SageMakerSender(l, invoker, invoked)));
      }
      return drive(lanes, 0, "aws-sdk");
    } finally {
      sm.close(invoker, invoked.sum());
    }
  }

  /**
   * The client TLS context: the JDK's trust store, plus a CA file's certificates, or no checks at
   * all when insecure ({@link TlsTrust}). Host names are verified per connection in {@link
   * LoopPool}.
   */
  private static SslContext clientTls(TlsOptions tls) {
    try {
      SslContextBuilder builder = SslContextBuilder.forClient();
      if (tls.insecure() || tls.caFile() != null) {
        builder.trustManager(TlsTrust.trustManager(tls));
      }
      return builder.build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private int preconnect(List<LoopPool> pools) throws InterruptedException {
    if (config.connectionPerRequest() || steps.isEmpty()) {
      return 0;
    }
    double firstRate = Math.max(steps.get(0).startRatePerSec(), steps.get(0).endRatePerSec());
    int want =
        Math.min(config.connections(), Math.max(pools.size(), (int) Math.ceil(firstRate / 2)));
    want = Math.min(want, 256);
    List<Promise<Integer>> results = new ArrayList<>();
    for (int i = 0; i < pools.size(); i++) {
      LoopPool pool = pools.get(i);
      int n = want / pools.size() + (i < want % pools.size() ? 1 : 0);
      EventLoop loop = pool.loop();
      Promise<Integer> p = loop.newPromise();
      loop.execute(() -> pool.preconnect(Math.min(n, pool.cap()), p));
      results.add(p);
    }
    int ok = 0;
    long waitMillis = config.connectTimeout().toMillis() + 1000;
    for (Promise<Integer> p : results) {
      if (p.await(waitMillis) && p.isSuccess()) {
        ok += p.getNow();
      }
    }
    return ok;
  }

  private EngineOutcome drive(List<Lane> lanes, int preconnected, String transportName)
      throws InterruptedException {
    long startDelay = config.startDelay().toNanos();
    origin = clock.nanoTime() + startDelay;
    originWall = clock.wallClockMillis() + startDelay / 1_000_000L;
    Segment segment = config.segment();
    if (segment.logOriginNanos() < 0) {
      requestLog.originWallMillis(originWall);
      outcomes.start(origin, segment.stepIndexBase());
    } else {
      outcomes.start(segment.logOriginNanos(), segment.stepIndexBase());
    }
    recorder.markWarmup(segment.warmupSteps());
    long hardStop = origin + config.maxDuration().toNanos();

    HiccupMeter hiccups = new HiccupMeter(clock, this::recordHiccup);
    Ticker ticker = new Ticker();
    Thread tickerThread = new Thread(ticker, "harness-interval");
    tickerThread.setDaemon(true);

    long[] scheduled = {0};
    long[] scheduleEnd = {0};
    Thread pacer =
        new Thread(
            () -> {
              scheduled[0] =
                  segment.closedLoop()
                      ? paceClosed(lanes, hardStop, segment.closedLoopConcurrency())
                      : pace(lanes, hardStop);
              scheduleEnd[0] = clock.nanoTime() - origin;
            },
            "harness-pacer");
    pacer.setPriority(Thread.MAX_PRIORITY);
    pacerThread = pacer;
    hiccups.start();
    tickerThread.start();
    pacer.start();
    pacer.join();

    draining = true;
    drain(hardStop);
    for (Lane lane : lanes) {
      lane.loop().submit(lane::cancelAll).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    long end = clock.nanoTime() - origin;
    hiccups.stop();
    ticker.stop();
    tickerThread.join(5000);
    ticker.tick(); // final interval
    return new EngineOutcome(
        originWall,
        origin,
        scheduled[0],
        stopRequested,
        stopReason,
        scheduleEnd[0],
        end,
        preconnected,
        transportName,
        ticker.anchors());
  }

  /** The pacer loop: returns how many requests the schedule produced. */
  private long pace(List<Lane> lanes, long hardStop) {
    ArrivalProcess arrivals = schedule.arrivals();
    long seq = 0;
    long offset = arrivals.nextIntendedNanos();
    RequestSpec spec = offset == ArrivalProcess.END ? null : prepare(0);
    int next = 0;
    while (offset != ArrivalProcess.END && spec != null) {
      long due = origin + offset;
      if (due >= hardStop) {
        stop("max duration reached");
      }
      waitUntil(due);
      if (stopRequested) {
        break;
      }
      long now = clock.nanoTime();
      int step = schedule.stepIndexAt(offset);
      RequestContext r = new RequestContext(seq, step, spec, due, now, due + timeoutNanos);
      if (inFlight.get() >= config.maxInFlight()) {
        outcomes.dropped(r);
      } else {
        inFlight.incrementAndGet();
        dispatchedCount.increment();
        Lane lane = lanes.get(next);
        next = next + 1 == lanes.size() ? 0 : next + 1;
        lane.loop().execute(() -> lane.submit(r));
      }
      seq++;
      offset = arrivals.nextIntendedNanos();
      if (offset != ArrivalProcess.END) {
        spec = prepare(seq); // serialized ahead of the next send
        if (spec == null) {
          break;
        }
      }
    }
    return seq;
  }

  /**
   * The closed-loop pacer: opens {@code concurrency} requests at the origin, then keeps that many
   * in flight until the schedule's end, each sent as soon as a slot frees; its intended time is its
   * dispatch time. Used to measure a saturation throughput and by the idle probe (one slot over a
   * 1 ms schedule: one request).
   *
   * <p>The opening requests are sent whatever the clock says when the pacer gets to them: a pacer
   * descheduled past a short schedule's end would otherwise send nothing at all.
   */
  private long paceClosed(List<Lane> lanes, long hardStop, int concurrency) {
    long end = Math.min(origin + schedule.durationNanos(), hardStop);
    waitUntil(origin);
    long seq = 0;
    int next = 0;
    while (!stopRequested) {
      long now = clock.nanoTime();
      if (seq >= concurrency && now >= end) {
        break;
      }
      if (inFlight.get() >= concurrency) {
        LockSupport.parkNanos(Math.min(end - now, 200_000L)); // unparked by completions
        continue;
      }
      RequestSpec spec = prepare(seq);
      if (spec == null) {
        break;
      }
      now = clock.nanoTime();
      int step = Math.max(0, schedule.stepIndexAt(now - origin));
      RequestContext r = new RequestContext(seq, step, spec, now, now, now + timeoutNanos);
      inFlight.incrementAndGet();
      dispatchedCount.increment();
      Lane lane = lanes.get(next);
      next = next + 1 == lanes.size() ? 0 : next + 1;
      lane.loop().execute(() -> lane.submit(r));
      seq++;
    }
    return seq;
  }

  private RequestSpec prepare(long seq) {
    try {
      return config.requests().next(seq);
    } catch (RuntimeException e) {
      stop("cannot prepare request " + seq + ": " + e.getMessage());
      return null;
    }
  }

  private void waitUntil(long due) {
    while (!stopRequested) {
      long remaining = due - clock.nanoTime();
      if (remaining <= 0) {
        return;
      }
      if (remaining > SPIN_NANOS) {
        LockSupport.parkNanos(Math.min(remaining - SPIN_NANOS, MAX_PARK_NANOS));
      } else {
        Thread.onSpinWait();
      }
    }
  }

  private void drain(long hardStop) throws InterruptedException {
    while (inFlight.get() > 0) {
      long now = clock.nanoTime();
      long limit = hardStop;
      if (stopRequested) {
        limit = Math.min(limit, Math.max(stopAtNanos, now - 1) + config.drainTimeout().toNanos());
      }
      if (now >= limit) {
        return;
      }
      Thread.sleep(5);
    }
  }

  private void recordHiccup(long nanos) {
    recorder.record(currentStep(clock.nanoTime()), Metric.HICCUP, nanos);
  }

  private int currentStep(long now) {
    long offset = now - origin;
    if (offset < 0) {
      return 0;
    }
    int s = schedule.stepIndexAt(offset);
    return s < 0 ? steps.size() - 1 : s;
  }

  /** Once a second: swap interval histograms, write the hlog and requests.bin, report progress. */
  private final class Ticker implements Runnable {
    private volatile boolean running = true;
    private long lastTick;
    private long lastDispatched;
    private long lastOk;
    private final List<EngineOutcome.Anchor> anchors = new ArrayList<>();

    synchronized List<EngineOutcome.Anchor> anchors() {
      return new ArrayList<>(anchors);
    }

    void stop() {
      running = false;
    }

    @Override
    public void run() {
      lastTick = origin;
      long next = origin + TICK_NANOS;
      while (running) {
        long wait = next - clock.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(Math.min(wait, 50_000_000L));
          continue;
        }
        tick();
        next += TICK_NANOS;
      }
    }

    synchronized void tick() {
      long now = clock.nanoTime();
      anchors.add(new EngineOutcome.Anchor(now, clock.wallClockMillis()));
      Map<Metric, Histogram> interval = recorder.swapInterval();
      long startWall = originWall + (lastTick - origin) / 1_000_000L;
      long endWall = originWall + (now - origin) / 1_000_000L;
      try {
        hlog.append(startWall, endWall, interval);
        hlog.append(startWall, endWall, recorder.warmupInterval(), "warmup-");
        requestLog.drain();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      double seconds = Math.max(1e-9, (now - lastTick) / 1e9);
      long dispatched = dispatchedCount.sum();
      long ok = outcomes.succeeded();
      int step = currentStep(now);
      long offset = now - origin;
      Step st = steps.get(step);
      double offered =
          offset < st.startOffsetNanos() || offset >= st.endOffsetNanos() || draining
              ? 0
              : st.startRatePerSec()
                  + (st.endRatePerSec() - st.startRatePerSec())
                      * (offset - st.startOffsetNanos())
                      / (double) st.durationNanos();
      long errors = 0;
      for (int i = 0; i < steps.size(); i++) {
        errors += recorder.counters(i).errors();
      }
      Histogram lag = interval.get(Metric.SCHEDULE_LAG);
      Histogram hic = interval.get(Metric.HICCUP);
      Progress p =
          new Progress(
              now - origin,
              step,
              st.name(),
              offered,
              (dispatched - lastDispatched) / seconds,
              (ok - lastOk) / seconds,
              inFlight.get(),
              recorder.percentileMillis(step, Metric.E2E, 99),
              errors,
              lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(99) / 1000.0,
              hic.getTotalCount() == 0 ? 0 : hic.getMaxValue() / 1000.0,
              draining);
      lastTick = now;
      lastDispatched = dispatched;
      lastOk = ok;
      listener.onProgress(p);
    }
  }
}
