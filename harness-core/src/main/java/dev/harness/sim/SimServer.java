package dev.harness.sim;

import dev.harness.time.DeadlineTimer;
import dev.harness.time.NanoClock;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated inference endpoint on a real socket: OpenAI-compatible {@code /v1/chat/completions}
 * and {@code /v1/completions} (LLM profiles), {@code /v1/score} and {@code /invocations} (classic
 * profiles), {@code /health}, {@code /v1/models}, Prometheus {@code /metrics}, Triton / KServe
 * v2 health, model, {@code infer} and {@code generate[_stream]} routes ({@link TritonRoutes}), and
 * the SageMaker runtime's {@code /endpoints/NAME/invocations[-response-stream]} (see {@link
 * #sageMakerEndpointName()}). Responses are computed in virtual time by the profile's model and
 * delivered at those times; every answered model request leaves a {@link RequestTruth}.
 *
 * <pre>{@code
 * try (SimServer sim = SimServer.start(profile, SimServer.Options.loopback())) {
 *   String url = sim.url();            // http://127.0.0.1:<port>
 *   ...
 *   List<RequestTruth> truth = sim.truths();
 * }
 * }</pre>
 */
public final class SimServer implements AutoCloseable {

  /**
   * How the server runs.
   *
   * @param host address to bind (127.0.0.1 unless told otherwise)
   * @param port port to bind, 0 for an ephemeral one
   * @param seed seed of the classic model's service times
   * @param truthFile JSONL ground-truth log, or null
   * @param keepTruths whether {@link #truths()} keeps every request in memory
   * @param clock the clock of arrivals and deliveries
   */
  public record Options(
      String host, int port, long seed, Path truthFile, boolean keepTruths, NanoClock clock) {
    public Options {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host is required");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535, got " + port);
      }
      if (clock == null) {
        throw new IllegalArgumentException("clock is required");
      }
    }

    /** 127.0.0.1, an ephemeral port, seed 1, truths kept in memory, no file, system clock. */
    public static Options loopback() {
      return new Options("127.0.0.1", 0, 1, null, true, NanoClock.system());
    }

    public Options withHost(String h) {
      return new Options(h, port, seed, truthFile, keepTruths, clock);
    }

    public Options withPort(int p) {
      return new Options(host, p, seed, truthFile, keepTruths, clock);
    }

    public Options withSeed(long s) {
      return new Options(host, port, s, truthFile, keepTruths, clock);
    }

    public Options withTruthFile(Path f) {
      return new Options(host, port, seed, f, keepTruths, clock);
    }

    public Options withKeepTruths(boolean k) {
      return new Options(host, port, seed, truthFile, k, clock);
    }
  }

  private final SimProfile profile;
  private final EventLoopGroup group;
  private final Channel channel;
  private final DeadlineTimer timer;
  private final TruthLog truths;
  private final String hostForUrl;
  private final AtomicReference<Throwable> deliveryFailure;

  private SimServer(
      AtomicReference<Throwable> deliveryFailure,
      SimProfile profile,
      EventLoopGroup group,
      Channel channel,
      DeadlineTimer timer,
      TruthLog truths,
      String host) {
    this.deliveryFailure = deliveryFailure;
    this.profile = profile;
    this.group = group;
    this.channel = channel;
    this.timer = timer;
    this.truths = truths;
    this.hostForUrl = host.contains(":") ? "[" + host + "]" : host;
  }

  /** Binds and starts serving; throws if the address is taken or the truth file unwritable. */
  public static SimServer start(SimProfile profile, Options options)
      throws IOException, InterruptedException {
    NanoClock clock = options.clock();
    long origin = clock.nanoTime();
    TruthLog truths = new TruthLog(options.keepTruths(), options.truthFile());
    AtomicReference<Throwable> timerFailure = new AtomicReference<>();
    DeadlineTimer timer =
        new DeadlineTimer(clock, "sim-delivery", (t, e) -> timerFailure.compareAndSet(null, e));
    Backend backend;
    String loadFailure = profile.loadFailure();
    if (profile.isLlm()) {
      backend =
          new LlmBackend(new LlmModel(profile.llmParams()), timer, clock, origin, truths);
    } else {
      backend =
          new ClassicBackend(
              new ClassicModel(profile.classic().servers(), profile.serviceTime(),
                  options.seed()),
              timer, clock, origin, truths);
    }
    SimHandler.Shared shared =
        new SimHandler.Shared(profile, backend, loadFailure, clock, origin, truths,
            new SimMetrics(), new java.util.concurrent.atomic.AtomicLong());
    boolean epoll = Epoll.isAvailable();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    DefaultThreadFactory factory = new DefaultThreadFactory("sim-loop", true);
    EventLoopGroup group =
        epoll ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    try {
      Channel ch =
          new ServerBootstrap()
              .group(group)
              .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 4096)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                      c.pipeline().addLast(new HttpServerCodec()); // bytes <-> HTTP/1.1 messages
                      c.pipeline().addLast(new HttpObjectAggregator(16 << 20)); // whole requests
                      c.pipeline().addLast(new SimHandler(shared)); // routes and the model
                    }
                  })
              .bind(new InetSocketAddress(options.host(), options.port()))
              .sync()
              .channel();
      return new SimServer(timerFailure, profile, group, ch, timer, truths, options.host());
    } catch (RuntimeException | InterruptedException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      timer.close();
      truths.close();
      throw e;
    }
  }

  public SimProfile profile() {
    return profile;
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** {@code http://host:port} (no path). */
  public String url() {
    return "http://" + hostForUrl + ":" + port();
  }

  /**
   * The endpoint name the SageMaker runtime routes ({@code /endpoints/NAME/invocations}) answer
   * to: the profile name with other characters than letters, digits and hyphens made hyphens,
   * e.g. {@code sim-g5-2xlarge}.
   */
  public String sageMakerEndpointName() {
    return SageMakerRoutes.endpointName(profile);
  }

  /** The ground truth of every model request answered so far (empty unless kept). */
  public List<RequestTruth> truths() {
    return truths.snapshot();
  }

  /** The first exception a delivery raised (a bug), or null. */
  public Throwable deliveryFailure() {
    return deliveryFailure.get();
  }

  /** Stops listening, drops pending deliveries and closes the truth log. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    timer.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    try {
      truths.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot close the ground-truth log", e);
    }
  }
}
