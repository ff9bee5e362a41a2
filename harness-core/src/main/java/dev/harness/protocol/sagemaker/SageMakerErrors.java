package dev.harness.protocol.sagemaker;

import dev.harness.protocol.ResponseResult;
import dev.harness.record.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalDependencyException;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalStreamFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/**
 * Classifies a failed SageMaker call into an {@link Outcome}. The detail always names the error
 * code or exception, so that the same outcome from different causes can be told apart:
 *
 * <ul>
 *   <li>throttling ({@code ThrottlingException}, any HTTP 429) → {@link Outcome#HTTP_429},
 *       "throttled: ...";
 *   <li>{@code ModelNotReadyException} → {@link Outcome#HTTP_429}, "model not ready: ...";
 *   <li>{@code ModelError} (HTTP 424: the container answered with an error) → by the container's
 *       status in {@code OriginalStatusCode}: 5xx → {@link Outcome#HTTP_5XX}, 429 → {@link
 *       Outcome#HTTP_429}, else {@link Outcome#HTTP_4XX}; the original status is in the detail;
 *   <li>{@code ServiceUnavailable}, {@code InternalFailure}, {@code InternalDependencyException},
 *       other 5xx → {@link Outcome#HTTP_5XX}; {@code ValidationError}, other 4xx → {@link
 *       Outcome#HTTP_4XX};
 *   <li>{@code ModelStreamError}, {@code InternalStreamFailure} → {@link Outcome#STREAM_ERROR};
 *   <li>SDK timeouts (API call, attempt, read) → {@link Outcome#TIMEOUT}; connect failures →
 *       {@link Outcome#CONNECT_ERROR}; a connection closed mid-response → {@link
 *       Outcome#CONNECTION_RESET}; cancellation → {@link Outcome#CANCELLED}; anything else (e.g.
 *       an unreadable response) → {@link Outcome#PROTOCOL_ERROR}.
 * </ul>
 *
 * The SDK never retries (the invoker turns retries off), so each failure is one request.
 */
final class SageMakerErrors {
  private SageMakerErrors() {}

  /** Error codes that mean "slow down", as the AWS SDKs' throttling detection lists them. */
  private static final Set<String> THROTTLING_CODES =
      Set.of(
          "Throttling",
          "ThrottlingException",
          "ThrottledException",
          "RequestThrottledException",
          "TooManyRequestsException",
          "ProvisionedThroughputExceededException",
          "TransactionInProgressException",
          "RequestLimitExceeded",
          "BandwidthLimitExceeded",
          "LimitExceededException",
          "RequestThrottled",
          "SlowDown",
          "PriorRequestNotComplete",
          "EC2ThrottledException");

  static ResponseResult classify(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof AwsServiceException) {
      return service((AwsServiceException) t);
    }
    return client(t);
  }

  private static ResponseResult service(AwsServiceException e) {
    int status = e.statusCode();
    String code = code(e);
    String message = message(e);
    String named = code + " (HTTP " + status + ")" + (message.isEmpty() ? "" : ": " + message);
    if (e instanceof ModelStreamErrorException) {
      String streamCode = ((ModelStreamErrorException) e).errorCode();
      return failure(Outcome.STREAM_ERROR, status, "ModelStreamError"
          + (streamCode == null ? "" : " " + streamCode)
          + (message.isEmpty() ? "" : ": " + message));
    }
    if (e instanceof InternalStreamFailureException) {
      return failure(Outcome.STREAM_ERROR, status, "InternalStreamFailure: " + message);
    }
    if (e instanceof ModelNotReadyException) {
      return failure(Outcome.HTTP_429, status, "model not ready: " + named);
    }
    if (e instanceof ModelErrorException) {
      return modelError((ModelErrorException) e, status, message);
    }
    if (THROTTLING_CODES.contains(code) || status == 429) {
      return failure(Outcome.HTTP_429, status, "throttled: " + named);
    }
    if (e instanceof ServiceUnavailableException
        || e instanceof InternalFailureException
        || e instanceof InternalDependencyException
        || status >= 500) {
      return failure(Outcome.HTTP_5XX, status, named);
    }
    if (e instanceof ValidationErrorException || (status >= 400 && status < 500)) {
      return failure(Outcome.HTTP_4XX, status, named);
    }
    return failure(Outcome.PROTOCOL_ERROR, status, named);
  }

  private static ResponseResult modelError(ModelErrorException e, int status, String message) {
    Integer original = e.originalStatusCode();
    String originalMessage = e.originalMessage();
    Outcome outcome;
    if (original == null) {
      outcome = Outcome.HTTP_4XX;
    } else if (original >= 500) {
      outcome = Outcome.HTTP_5XX;
    } else if (original == 429) {
      outcome = Outcome.HTTP_429;
    } else {
      outcome = Outcome.HTTP_4XX;
    }
    String text = originalMessage != null && !originalMessage.isBlank() ? originalMessage : message;
    return failure(outcome, status, "ModelError (HTTP " + status + "): the model container answered"
        + (original == null ? " an error" : " HTTP " + original)
        + (text.isEmpty() ? "" : ": " + text));
  }

  private static ResponseResult client(Throwable t) {
    // A connection that could not be made is a connect error even when the SDK reports it
    // wrapped in its API-call timeout: look for it through the whole chain first.
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getClass().getName().equals("io.netty.channel.ConnectTimeoutException")
          || c instanceof ConnectException
          || c instanceof UnknownHostException
          || c instanceof NoRouteToHostException) {
        return failure(Outcome.CONNECT_ERROR, 0, describe(c));
      }
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof CancellationException) {
        return failure(Outcome.CANCELLED, 0, "cancelled");
      }
      if (c instanceof ApiCallTimeoutException || c instanceof ApiCallAttemptTimeoutException) {
        return failure(Outcome.TIMEOUT, 0, "SDK " + c.getClass().getSimpleName());
      }
      String name = c.getClass().getName();
      if (name.equals("io.netty.handler.timeout.ReadTimeoutException")
          || name.equals("io.netty.handler.timeout.WriteTimeoutException")
          || c instanceof SocketTimeoutException) {
        return failure(Outcome.TIMEOUT, 0, describe(c));
      }
      if (c instanceof TimeoutException && String.valueOf(c.getMessage()).contains("Acquire")) {
        return failure(Outcome.CONNECT_ERROR, 0,
            "no connection from the SDK's pool in time: " + describe(c));
      }
      if (c instanceof ClosedChannelException
          || (c instanceof IOException && isReset(c.getMessage()))) {
        return failure(Outcome.CONNECTION_RESET, 0, describe(c));
      }
    }
    return failure(Outcome.PROTOCOL_ERROR, 0, describe(t));
  }

  private static boolean isReset(String message) {
    if (message == null) {
      return false;
    }
    return message.contains("Connection reset")
        || message.contains("closed")
        || message.contains("failed to complete the response")
        || message.contains("Broken pipe");
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String code(AwsServiceException e) {
    AwsErrorDetails d = e.awsErrorDetails();
    String code = d == null ? null : d.errorCode();
    return code != null && !code.isBlank() ? code : e.getClass().getSimpleName();
  }

  private static String message(AwsServiceException e) {
    AwsErrorDetails d = e.awsErrorDetails();
    String m = d == null ? null : d.errorMessage();
    return m == null ? "" : StreamBodyParser.oneLine(m);
  }

  private static String describe(Throwable c) {
    String m = c.getMessage();
    return c.getClass().getSimpleName() + (m == null ? "" : ": " + StreamBodyParser.oneLine(m));
  }

  private static ResponseResult failure(Outcome outcome, int status, String detail) {
    return ResponseResult.failure(outcome, status, StreamBodyParser.oneLine(detail));
  }
}
